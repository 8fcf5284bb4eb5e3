import urllib3
import requests
from urllib3 import disable_warnings
from urllib3.exceptions import InsecureRequestWarning, SubjectAltNameWarning

# ruleid: py-urllib3-disable-warnings
urllib3.disable_warnings()

# ruleid: py-urllib3-disable-warnings
urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)

# ruleid: py-urllib3-disable-warnings
disable_warnings(InsecureRequestWarning)

# ruleid: py-urllib3-disable-warnings
requests.packages.urllib3.disable_warnings()

# ok: py-urllib3-disable-warnings
urllib3.disable_warnings(SubjectAltNameWarning)

# ok: py-urllib3-disable-warnings
warnings.disable_warnings()
