package jwtunverified

import (
	"errors"

	"github.com/golang-jwt/jwt/v5"
)

func userID(raw string) (string, error) {
	claims := jwt.MapClaims{}
	// ruleid: go-jwt-parse-unverified
	if _, _, err := jwt.NewParser().ParseUnverified(raw, claims); err != nil {
		return "", err
	}
	id, _ := claims["sub"].(string)
	return id, nil
}

func noneKey(token *jwt.Token) (interface{}, error) {
	// ruleid: go-jwt-parse-unverified
	return jwt.UnsafeAllowNoneSignatureType, nil
}

func verified(raw string, key []byte) (*jwt.Token, error) {
	// ok: go-jwt-parse-unverified
	token, err := jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) { return key, nil })
	if err != nil {
		return nil, errors.New("unauthorized")
	}
	return token, nil
}
