// Package comparetest runs crosscheck expectation cases: the analysistest
// experience for news. A case is one story — a few short articles — together
// with the findings crosscheck must report on it, and the harness fails both
// when an expected finding is missing and when a finding nobody expected
// appears. Newsrooms use it to pin down "this story has these two
// discrepancies, and none other"; rule authors use it to see at once what a
// change to a rule file gained and broke.
//
// The same code backs `crosscheck verify` and [Run], so a case that passes in
// a user's `go test` passes on the command line, and the other way round.
//
// # Case files
//
// A case is a txtar archive (golang.org/x/tools/txtar format, read here
// without that dependency), by convention named *.txtar:
//
//	Free text up to the first member: what the case is about. Not parsed.
//	-- 001.txt --
//	Monday, March 3, 2025
//	...an article...
//	-- 002.md --
//	...another article...
//	-- expect --
//	conflict date pact.signed "in 2023" <> "pada bulan Juni"
//
// A member line is "-- NAME --". Every member except "expect" is an article,
// read exactly as `crosscheck report` reads a file of that name: .txt, .text,
// .md and .markdown as text (front matter such as "date: 2024-12-30" is
// honoured), .html, .htm and .xhtml through article extraction, .jsonl and
// .ndjson as one article per record. The member name without its extension
// is the document id (JSON Lines records keep their own ids). Names may not
// contain slashes. Members with other names are an error, so that a typo such
// as "-- expected --" cannot turn a case into one that asserts nothing.
//
// # Expectations
//
// The "expect" member holds one expectation per line. Blank lines are
// ignored, and a field starting with "#" starts a comment (a "#" inside a
// quoted phrase is text). Fields are separated by spaces; "<>" needs none
// around it. A phrase is a double-quoted string with Go escapes
// ("say \"toughest\"") or a back-quoted raw string (`say "toughest"`).
//
//	CATEGORY KIND [ATTRIBUTE] PHRASE... [<> PHRASE...]...
//	agree ATTRIBUTE PHRASE... [= VALUE]
//	none PHRASE...
//	unpaired PHRASE...
//	claim KIND [ATTRIBUTE] DOC PHRASE [= VALUE]
//	syndicated DOC DOC...
//
// CATEGORY is conflict, update, internal or possible (the finding categories
// of the JSON report). KIND is the finding kind: a claim kind for
// cross-source findings (date, duration, count, quantity, percent, money,
// ordinal) or an internal check (weekday-mismatch, duration-range,
// anachronism, conversion). ATTRIBUTE is the finding's attribute
// (pact.signed, casualties.killed); omitted or "*" it matches any. KIND may
// also be "*".
//
// A phrase matches a claim whose text contains it, ignoring case and
// treating any run of white space as one space. A phrase may be bound to a
// document by writing its id and a colon right before it: 002:"di 2025".
//
// A finding expectation matches a finding of that category, kind and
// attribute when:
//
//   - without "<>": every phrase matches some claim of the finding, on any
//     side;
//   - with "<>": the phrases are split into groups at each "<>", every phrase
//     of a group matches a claim on one and the same side, and different
//     groups are on different sides. Sides not mentioned are allowed.
//
// Each expectation must match a finding, and each finding must be matched by
// an expectation; expectations and findings are paired one to one (a
// maximum matching, so the order of lines does not matter). A finding left
// over is reported as unexpected, with the phrases on each side, their
// document:line, and the expectation line that would accept it.
//
// The other lines assert without consuming findings:
//
//   - agree: some agreement (claims from independent sources that the tool
//     found compatible) has this attribute ("*" for any), every phrase
//     matches one of its claims, and, when "= VALUE" is given, its value is
//     VALUE (e.g. 2024-12-23/2024-12-27, 5100). Agreements not listed are not
//     errors: they are not findings, and nobody acts on them.
//   - none: no finding has a claim matching any of the phrases. Use it for
//     the traps: an address ("2025 M St"), a reading time ("3 minute read"),
//     another event's figures.
//   - unpaired: like none, and no agreement has such a claim either: the
//     words were compared with nothing at all.
//   - claim: document DOC ("*" for any) has a claim of that kind (and
//     attribute, when given; "*" for any) whose text contains the phrase,
//     and, with "= VALUE", whose normalized value is VALUE (2024-12-30,
//     P5D, 4000).
//   - syndicated: the documents are near-identical copies counted as one
//     source (each names the others in the report's syndicated_with).
//
// A line that does not follow this syntax, an unknown category, a missing
// or repeated "expect" member, an article member that cannot be read, a
// phrase that no article (or not the named document) contains, a document
// the case does not have, and an attribute the rules do not define make
// the case malformed: [Check] returns an *[Error] naming the case file and
// line, and `crosscheck verify` exits with status 2.
//
// # Example
//
// testdata/pact.txtar, which ExampleCheck runs:
//
//	The seed story's headline discrepancy, in two short reports.
//	-- 001.txt --
//	December 30, 2024
//	Kim vows toughest line as party plenary closes
//
//	Earlier in 2023, Kim and Russian President Vladimir Putin signed a mutual defence pact.
//	-- 002.txt --
//	JAKARTA, Senin (30/12/2024) - Kim dan Presiden Rusia Vladimir Putin telah meneken pakta pertahanan bersama pada bulan Juni lalu.
//	-- expect --
//	conflict date pact.signed "Earlier in 2023" <> "bulan Juni"
//	none "Senin"    # the dateline is not a claim
//
// When a finding is not expected, the failure shows it with the document
// and line of every claim and a line to paste into "expect":
//
//	pact.txtar: unexpected finding:
//	    conflict date pact.signed (medium): Pact signed: 001 says 2023; 002 says June 2024 ...
//	        side 1: "Earlier in 2023" at 001:4 (pact.txtar:6)
//	        side 2: "bulan Juni" at 002:1 (pact.txtar:8)
//	        expect it with: conflict date pact.signed "Earlier in 2023" <> "bulan Juni"
package comparetest
