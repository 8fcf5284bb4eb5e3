from django.http import JsonResponse
from django.urls import path
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
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
        return JsonResponse({})


@app.route("/settings", methods=["POST"])
# ruleid: py-csrf-exempt
@csrf.exempt
def save_settings():
    return "ok"


urlpatterns = [
    # ruleid: py-csrf-exempt
    path("graphql/", csrf_exempt(GraphQLView.as_view(graphiql=True))),
    # ok: py-csrf-exempt
    path("stripe/", csrf_exempt(StripeWebhookView.as_view())),
]

# ruleid: py-csrf-exempt
csrf.exempt(api_blueprint)


# ok: py-csrf-exempt
@csrf_exempt
def stripe_webhook(request):
    verify_signature(request)
    return JsonResponse({})


# ok: py-csrf-exempt
@login_required
def profile(request):
    return JsonResponse({})
