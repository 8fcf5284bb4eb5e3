package sshhostkey

import (
	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"
)

func dial(addr, user, password string) (*ssh.Client, error) {
	cfg := &ssh.ClientConfig{
		User: user,
		Auth: []ssh.AuthMethod{ssh.Password(password)},
		// ruleid: go-ssh-insecure-host-key
		HostKeyCallback: ssh.InsecureIgnoreHostKey(),
	}
	return ssh.Dial("tcp", addr, cfg)
}

func dialChecked(addr, user string, auth []ssh.AuthMethod, knownHostsFile string) (*ssh.Client, error) {
	hostKeys, err := knownhosts.New(knownHostsFile)
	if err != nil {
		return nil, err
	}
	// ok: go-ssh-insecure-host-key
	cfg := &ssh.ClientConfig{User: user, Auth: auth, HostKeyCallback: hostKeys}
	return ssh.Dial("tcp", addr, cfg)
}
