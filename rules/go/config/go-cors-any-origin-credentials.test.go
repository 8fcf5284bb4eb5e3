package corsany

import (
	"net/http"

	ginCors "github.com/gin-contrib/cors"
	"github.com/rs/cors"
)

func api(h http.Handler) http.Handler {
	c := cors.New(cors.Options{
		// ruleid: go-cors-any-origin-credentials
		AllowedOrigins:   []string{"*"},
		AllowCredentials: true,
	})
	return c.Handler(h)
}

func ginConfig() ginCors.Config {
	// ruleid: go-cors-any-origin-credentials
	return ginCors.Config{AllowAllOrigins: true, AllowCredentials: true}
}

func publicAPI(h http.Handler) http.Handler {
	// ok: go-cors-any-origin-credentials
	return cors.New(cors.Options{AllowedOrigins: []string{"*"}}).Handler(h)
}

func listed(h http.Handler) http.Handler {
	// ok: go-cors-any-origin-credentials
	c := cors.New(cors.Options{AllowedOrigins: []string{"https://app.example.com"}, AllowCredentials: true})
	return c.Handler(h)
}
