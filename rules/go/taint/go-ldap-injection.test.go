package ldapinjection

import (
	"fmt"
	"net/http"

	"github.com/go-ldap/ldap/v3"
)

var conn *ldap.Conn

func lookup(w http.ResponseWriter, r *http.Request) {
	user := r.FormValue("user")
	filter := fmt.Sprintf("(&(uid=%s)(objectClass=person))", user)
	// ruleid: go-ldap-injection
	req := ldap.NewSearchRequest("dc=example,dc=com", ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false, filter, []string{"dn"}, nil)
	conn.Search(req)

	safe := fmt.Sprintf("(&(uid=%s)(objectClass=person))", ldap.EscapeFilter(user))
	// ok: go-ldap-injection
	req = ldap.NewSearchRequest("dc=example,dc=com", ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false, safe, []string{"dn"}, nil)
	conn.Search(req)

	// ok: go-ldap-injection
	req = ldap.NewSearchRequest("ou="+ldap.EscapeFilter(r.FormValue("ou"))+",dc=example,dc=com", ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false, "(objectClass=person)", nil, nil)
	conn.Search(req)
}

func literal(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-ldap-injection
	conn.Search(&ldap.SearchRequest{BaseDN: "dc=example,dc=com", Filter: "(mail=" + r.URL.Query().Get("mail") + ")"})
}
