package report

import (
	"encoding/json"
	"errors"
	"html/template"
	"io"
)

// HTMLDesk turns the HTML report page into the review desk that
// "crosscheck serve" serves: the same page, rows and escaping, plus the
// desk's own script, style and data and the CSRF token the script sends
// with every decision. The static report (format "html") has none of it.
type HTMLDesk struct {
	// Token is the CSRF token, written to <meta name="csrf-token">.
	Token string
	// Script is the desk's script. It is inlined after the report's own
	// script and admitted by its SHA-256 hash, like the report's: the
	// Content-Security-Policy still runs nothing else.
	Script string
	// CSS is appended to the report's style.
	CSS string
	// Data is marshalled to JSON into <script type="application/json"
	// id="desk-data"> (with <, > and & escaped, as the report's data block).
	Data any
}

type htmlDeskPage struct {
	Token  string
	Script template.JS
	Data   template.JS
}

// RenderHTMLDesk writes the review desk page: the HTML report of r with
// desk's additions. Its Content-Security-Policy is the report's, with the
// desk script's hash added to script-src and connect-src 'self' for the
// desk's requests to the server that served it. DeskCSP returns the same
// policy, for the server's response header.
func RenderHTMLDesk(w io.Writer, r *Report, opt RenderOptions, desk HTMLDesk) error {
	if desk.Token == "" || desk.Script == "" {
		return errors.New("report: the review desk needs a CSRF token and a script")
	}
	page, err := buildHTMLPage(r, opt)
	if err != nil {
		return err
	}
	data, err := json.Marshal(desk.Data) // escapes <, >, &, U+2028 and U+2029
	if err != nil {
		return err
	}
	page.CSP = DeskCSP(desk.Script)
	page.CSS = template.CSS(htmlCSS + desk.CSS)
	page.Desk = &htmlDeskPage{Token: desk.Token, Script: template.JS(desk.Script), Data: template.JS(data)}
	return htmlTemplate.Execute(w, page)
}

// DeskCSP is the Content-Security-Policy of a desk page whose desk script
// is script.
func DeskCSP(script string) string {
	return htmlCSP + " 'sha256-" + hashJS(script) + "'; connect-src 'self'"
}
