package serve

import (
	"net"
	"net/url"
	"strconv"
	"strings"
)

// hostCheck decides which Host headers (and Origins) name the address
// served. A DNS-rebinding page reaches the server under its own domain
// name, so only IP literals — and "localhost" on a loopback address — are
// accepted, with the port served.
type hostCheck struct {
	port        string
	ip          net.IP
	loopback    bool // bound to a loopback address
	unspecified bool // bound to 0.0.0.0 or ::
}

func newHostCheck(a net.Addr) hostCheck {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return hostCheck{}
	}
	return hostCheck{
		port:        strconv.Itoa(tcp.Port),
		ip:          tcp.IP,
		loopback:    tcp.IP.IsLoopback(),
		unspecified: tcp.IP.IsUnspecified(),
	}
}

// allows reports whether host ("name:port", as in a Host header) is the
// address served.
func (h hostCheck) allows(host string) bool {
	if h.port == "" || host == "" {
		return false
	}
	name, port, err := net.SplitHostPort(host)
	if err != nil {
		// No port: the scheme's default.
		name, port = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]"), "80"
	}
	if port != h.port {
		return false
	}
	if strings.EqualFold(name, "localhost") {
		return h.loopback || h.unspecified
	}
	ip := net.ParseIP(name)
	switch {
	case ip == nil:
		return false
	case h.unspecified:
		return true
	case h.loopback:
		return ip.IsLoopback()
	}
	return ip.Equal(h.ip)
}

// allowsOrigin reports whether an Origin header names the page's own
// origin: http, and a host allows accepts.
func (h hostCheck) allowsOrigin(origin string) bool {
	u, err := url.Parse(origin)
	if err != nil || u.Scheme != "http" || u.User != nil || (u.Path != "" && u.Path != "/") {
		return false
	}
	return h.allows(u.Host)
}
