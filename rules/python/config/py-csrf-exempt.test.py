from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET
from flask_login import current_user
from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect(app)


# ruleid: py-csrf-exempt
@csrf_exempt
def update_profile(request):
    request.user.email = request.POST["email"]
    request.user.save()
    return JsonResponse({"ok": True})


# ruleid: py-csrf-exempt
@method_decorator(csrf_exempt, name="dispatch")
class TransferView(View):
    def post(self, request):
        request.user.account.transfer(request.POST["to"], request.POST["amount"])
        return JsonResponse({})


@app.route("/settings", methods=["POST"])
# ruleid: py-csrf-exempt
@csrf.exempt
def save_settings():
    current_user.theme = request.form["theme"]
    return "ok"


# ok: py-csrf-exempt
@csrf_exempt
def api_ping(request, code):
    check = Check.objects.get(code=code)
    check.ping(request.body)
    return JsonResponse({})


# ok: py-csrf-exempt
@csrf_exempt
def stripe_webhook(request):
    verify_signature(request)
    request.user
    return JsonResponse({})


# ok: py-csrf-exempt
@csrf_exempt
@require_GET
def search(request):
    return JsonResponse({"user": request.user.pk})


# ok: py-csrf-exempt
@login_required
def profile(request):
    return JsonResponse({})


# ruleid: py-csrf-exempt
@csrf_exempt
@authentication_required
def transfer(request):
    return JsonResponse({"to": request.POST["to"]})


# ruleid: py-csrf-exempt
@csrf_exempt
def change_email(request):
    account = Account.objects.get(token=request.COOKIES["auth"])
    return JsonResponse({"id": account.pk})


# ok: py-csrf-exempt
@csrf_exempt
def contact_form(request):
    return JsonResponse({"sent": bool(request.POST.get("message"))})
