/**
 * Classes a Java file can name without importing them one by one: `java.lang` (imported
 * implicitly) and, for `import p.*;`, the classes of the packages Ward's rules and models
 * talk about. A simple name resolves through these only when exactly one wildcard package
 * (or java.lang) has it, so `Statement` under `import java.sql.*;` is `java.sql.Statement`.
 */

const JAVA_LANG = [
  'Boolean', 'Byte', 'Character', 'Class', 'ClassLoader', 'Double', 'Enum', 'Exception', 'Float', 'Integer', 'Long',
  'Math', 'Number', 'Object', 'Process', 'ProcessBuilder', 'Runtime', 'RuntimeException', 'SecurityManager', 'Short',
  'StrictMath', 'String', 'StringBuffer', 'StringBuilder', 'System', 'Thread', 'Throwable', 'Void',
];

const PACKAGES: Record<string, string[]> = {
  'java.io': ['BufferedReader', 'BufferedWriter', 'File', 'FileInputStream', 'FileOutputStream', 'FileReader', 'FileWriter', 'InputStream', 'InputStreamReader', 'ObjectInputStream', 'ObjectOutputStream', 'OutputStream', 'PrintWriter', 'RandomAccessFile', 'Reader', 'Writer'],
  'java.net': ['HttpURLConnection', 'InetAddress', 'Socket', 'URI', 'URL', 'URLConnection', 'URLDecoder', 'URLEncoder'],
  'java.net.http': ['HttpClient', 'HttpRequest', 'HttpResponse'],
  'java.nio.file': ['Files', 'Path', 'Paths'],
  'java.security': ['KeyPairGenerator', 'KeyStore', 'MessageDigest', 'SecureRandom', 'Signature'],
  'java.sql': ['CallableStatement', 'Connection', 'DriverManager', 'PreparedStatement', 'ResultSet', 'Statement'],
  'java.util': ['Base64', 'List', 'Map', 'Properties', 'Random', 'Scanner', 'UUID'],
  'java.util.logging': ['Level', 'Logger'],
  'java.util.regex': ['Matcher', 'Pattern'],
  'java.beans': ['XMLDecoder', 'XMLEncoder'],
  'javax.crypto': ['Cipher', 'KeyGenerator', 'Mac', 'SecretKeyFactory'],
  'javax.crypto.spec': ['IvParameterSpec', 'GCMParameterSpec', 'PBEKeySpec', 'SecretKeySpec'],
  'javax.naming': ['Context', 'InitialContext'],
  'javax.naming.directory': ['DirContext', 'InitialDirContext', 'SearchControls'],
  'javax.net.ssl': ['HostnameVerifier', 'HttpsURLConnection', 'SSLContext', 'TrustManager', 'X509TrustManager'],
  'javax.script': ['ScriptEngine', 'ScriptEngineManager'],
  'javax.servlet': ['ServletRequest', 'ServletResponse'],
  'javax.servlet.http': ['Cookie', 'HttpServletRequest', 'HttpServletResponse', 'HttpSession'],
  'jakarta.servlet': ['ServletRequest', 'ServletResponse'],
  'jakarta.servlet.http': ['Cookie', 'HttpServletRequest', 'HttpServletResponse', 'HttpSession'],
  'javax.xml.parsers': ['DocumentBuilder', 'DocumentBuilderFactory', 'SAXParser', 'SAXParserFactory'],
  'javax.xml.stream': ['XMLInputFactory'],
  'javax.xml.transform': ['Transformer', 'TransformerFactory'],
  'javax.xml.validation': ['SchemaFactory', 'Validator'],
  'javax.xml.xpath': ['XPath', 'XPathExpression', 'XPathFactory'],
};

const byName = new Map<string, string[]>();
for (const [pkg, classes] of Object.entries(PACKAGES)) {
  for (const c of classes) {
    const list = byName.get(c);
    if (list) list.push(pkg);
    else byName.set(c, [pkg]);
  }
}
const LANG = new Set(JAVA_LANG);

/** `name`'s full name when the file's wildcard imports (or java.lang) make it unambiguous. */
export function resolveSimpleClass(name: string, wildcards: readonly string[]): string | undefined {
  const candidates = (byName.get(name) ?? []).filter((p) => wildcards.includes(p));
  if (candidates.length === 1) return `${candidates[0]}.${name}`;
  if (candidates.length === 0 && LANG.has(name)) return `java.lang.${name}`;
  return undefined;
}
