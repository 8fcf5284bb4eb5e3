package cookiesamesite

import "net/http"

func login(w http.ResponseWriter, sessionID string) {
	// ruleid: go-cookie-missing-samesite
	http.SetCookie(w, &http.Cookie{Name: "session", Value: sessionID, Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
}

func remember(w http.ResponseWriter, token string) {
	http.SetCookie(w, &http.Cookie{
		Name:     "remember-token",
		Value:    token,
		Secure:   true,
		HttpOnly: true,
		// ruleid: go-cookie-missing-samesite
		SameSite: http.SameSiteLaxMode,
	})
}

func theme(w http.ResponseWriter, theme string) {
	// ok: go-cookie-missing-samesite
	http.SetCookie(w, &http.Cookie{Name: "theme", Value: theme})
}

func logout(w http.ResponseWriter) {
	// ok: go-cookie-missing-samesite
	http.SetCookie(w, &http.Cookie{Name: "session", MaxAge: -1})
}

func safe(w http.ResponseWriter, sessionID string) {
	// ok: go-cookie-missing-samesite
	http.SetCookie(w, &http.Cookie{Name: "session", Value: sessionID, Secure: true, HttpOnly: true, SameSite: http.SameSiteStrictMode})
}
