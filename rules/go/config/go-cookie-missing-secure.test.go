package cookiesecure

import "net/http"

func login(w http.ResponseWriter, sessionID string) {
	// ruleid: go-cookie-missing-secure
	http.SetCookie(w, &http.Cookie{Name: "session", Value: sessionID, HttpOnly: true})
}

func remember(w http.ResponseWriter, token string) {
	http.SetCookie(w, &http.Cookie{
		Name:     "remember-token",
		Value:    token,
		HttpOnly: true,
		// ruleid: go-cookie-missing-secure
		Secure: false,
	})
}

func theme(w http.ResponseWriter, theme string) {
	// ok: go-cookie-missing-secure
	http.SetCookie(w, &http.Cookie{Name: "theme", Value: theme})
}

func secure(w http.ResponseWriter, sessionID string) {
	// ok: go-cookie-missing-secure
	http.SetCookie(w, &http.Cookie{Name: "session", Value: sessionID, Secure: true, HttpOnly: true})
}

func logout(w http.ResponseWriter) {
	// ok: go-cookie-missing-secure
	http.SetCookie(w, &http.Cookie{Name: "session", Value: "", MaxAge: -1})
}
