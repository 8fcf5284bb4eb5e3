package hardcodedcredentials

import (
	"net/smtp"
	"net/url"
	"os"

	"github.com/go-ldap/ldap/v3"
	"github.com/go-sql-driver/mysql"
	"golang.org/x/crypto/ssh"
)

func dsn() string {
	// ruleid: go-hardcoded-credentials
	cfg := mysql.Config{User: "app", Passwd: "correct-horse-battery", Net: "tcp", Addr: "db:3306", DBName: "app"}
	// ok: go-hardcoded-credentials
	env := mysql.Config{User: "app", Passwd: os.Getenv("DB_PASSWORD"), Net: "tcp", Addr: "db:3306"}
	return cfg.FormatDSN() + env.FormatDSN()
}

func mail() smtp.Auth {
	// ruleid: go-hardcoded-credentials
	return smtp.PlainAuth("", "alerts@example.com", "s3cr3t-Mail-pw", "smtp.example.com")
}

func mailFromEnv() smtp.Auth {
	// ok: go-hardcoded-credentials
	return smtp.PlainAuth("", "alerts@example.com", os.Getenv("SMTP_PASSWORD"), "smtp.example.com")
}

func sshConfig() *ssh.ClientConfig {
	return &ssh.ClientConfig{
		User: "deploy",
		// ruleid: go-hardcoded-credentials
		Auth: []ssh.AuthMethod{ssh.Password("hunter2-deploy")},
	}
}

func proxyURL() *url.URL {
	// ok: go-hardcoded-credentials
	placeholder := url.UserPassword("user", "changeme")
	_ = placeholder
	// ruleid: go-hardcoded-credentials
	return &url.URL{Scheme: "http", Host: "proxy:3128", User: url.UserPassword("proxy", "pr0xy-P4ss")}
}

func bind(conn *ldap.Conn) error {
	// ruleid: go-hardcoded-credentials
	return conn.Bind("cn=admin,dc=example,dc=com", "ldap-Adm1n-pw")
}
