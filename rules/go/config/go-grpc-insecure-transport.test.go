package grpcinsecure

import (
	"crypto/tls"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
)

func dialOld(addr string) (*grpc.ClientConn, error) {
	// ruleid: go-grpc-insecure-transport
	return grpc.Dial(addr, grpc.WithInsecure())
}

func dialNew(addr string) (*grpc.ClientConn, error) {
	// ruleid: go-grpc-insecure-transport
	return grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
}

func dialTLS(addr string) (*grpc.ClientConn, error) {
	creds := credentials.NewTLS(&tls.Config{MinVersion: tls.VersionTLS12})
	// ok: go-grpc-insecure-transport
	return grpc.NewClient(addr, grpc.WithTransportCredentials(creds))
}
