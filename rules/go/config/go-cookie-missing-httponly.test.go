package cookiehttponly

import "net/http"

func login(w http.ResponseWriter, sessionID string) {
	// ruleid: go-cookie-missing-httponly
	http.SetCookie(w, &http.Cookie{Name: "session", Value: sessionID, Secure: true})
}

func remember(w http.ResponseWriter, token string) {
	http.SetCookie(w, &http.Cookie{
		Name:   "remember-token",
		Value:  token,
		Secure: true,
		// ruleid: go-cookie-missing-httponly
		HttpOnly: false,
	})
}

func theme(w http.ResponseWriter, theme string) {
	// ok: go-cookie-missing-httponly
	http.SetCookie(w, &http.Cookie{Name: "theme", Value: theme})
}

func safe(w http.ResponseWriter, sessionID string) {
	// ok: go-cookie-missing-httponly
	http.SetCookie(w, &http.Cookie{Name: "session", Value: sessionID, Secure: true, HttpOnly: true})
}
