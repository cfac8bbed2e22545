package main

import (
	"fmt"
	"strings"
)

// Directive is one nginx configuration directive: its name, its arguments (unquoted) and, for a block directive
// (http, server, location, ...), the directives inside.
type Directive struct {
	Name  string
	Args  []string
	Block []*Directive
	Line  int
}

// ParseNginx reads nginx's configuration syntax (directives ending in `;`, blocks in braces, `#` comments, single- and
// double-quoted arguments with backslash escapes) into directives. It does not know nginx's directives: it is the
// grammar only, enough to check what a configuration says.
func ParseNginx(text string) ([]*Directive, error) {
	tokens, err := nginxTokens(text)
	if err != nil {
		return nil, err
	}
	directives, rest, err := nginxBlock(tokens, false)
	if err != nil {
		return nil, err
	}
	if len(rest) > 0 {
		return nil, fmt.Errorf("line %d: unexpected %q", rest[0].line, rest[0].text)
	}
	return directives, nil
}

type nginxToken struct {
	text   string
	quoted bool
	line   int
}

func nginxTokens(text string) ([]nginxToken, error) {
	var tokens []nginxToken
	line := 1
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '\n':
			line++
			i++
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case c == '#':
			for i < len(text) && text[i] != '\n' {
				i++
			}
		case c == ';' || c == '{' || c == '}':
			tokens = append(tokens, nginxToken{text: string(c), line: line})
			i++
		case c == '"' || c == '\'':
			start := line
			var b strings.Builder
			i++
			for ; i < len(text) && text[i] != c; i++ {
				if text[i] == '\\' && i+1 < len(text) {
					i++
				}
				if text[i] == '\n' {
					line++
				}
				b.WriteByte(text[i])
			}
			if i >= len(text) {
				return nil, fmt.Errorf("line %d: unterminated quoted string", start)
			}
			i++
			tokens = append(tokens, nginxToken{text: b.String(), quoted: true, line: start})
		default:
			start := i
			for i < len(text) && !strings.ContainsRune(" \t\r\n;{}", rune(text[i])) {
				i++
			}
			tokens = append(tokens, nginxToken{text: text[start:i], line: line})
		}
	}
	return tokens, nil
}

// nginxBlock reads directives until the end of the tokens or, inside a block, its closing brace.
func nginxBlock(tokens []nginxToken, inside bool) ([]*Directive, []nginxToken, error) {
	var directives []*Directive
	for len(tokens) > 0 {
		t := tokens[0]
		if !t.quoted && t.text == "}" {
			if !inside {
				return nil, nil, fmt.Errorf("line %d: unexpected }", t.line)
			}
			return directives, tokens[1:], nil
		}
		if !t.quoted && (t.text == ";" || t.text == "{") {
			return nil, nil, fmt.Errorf("line %d: %q without a directive", t.line, t.text)
		}
		d := &Directive{Name: t.text, Line: t.line}
		tokens = tokens[1:]
		for {
			if len(tokens) == 0 {
				return nil, nil, fmt.Errorf("line %d: %s is not terminated by ; or {", d.Line, d.Name)
			}
			t = tokens[0]
			tokens = tokens[1:]
			if !t.quoted && t.text == ";" {
				break
			}
			if !t.quoted && t.text == "{" {
				block, rest, err := nginxBlock(tokens, true)
				if err != nil {
					return nil, nil, err
				}
				d.Block, tokens = block, rest
				if d.Block == nil {
					d.Block = []*Directive{}
				}
				break
			}
			if !t.quoted && t.text == "}" {
				return nil, nil, fmt.Errorf("line %d: %s is not terminated by ; or {", d.Line, d.Name)
			}
			d.Args = append(d.Args, t.text)
		}
		directives = append(directives, d)
	}
	if inside {
		return nil, nil, fmt.Errorf("a block is not closed")
	}
	return directives, nil, nil
}

// Find returns the directives named name directly inside ds.
func Find(ds []*Directive, name string) []*Directive {
	var found []*Directive
	for _, d := range ds {
		if d.Name == name {
			found = append(found, d)
		}
	}
	return found
}

// Arg returns the first argument of the first directive named name in ds ("" if none).
func Arg(ds []*Directive, name string) string {
	for _, d := range Find(ds, name) {
		if len(d.Args) > 0 {
			return d.Args[0]
		}
	}
	return ""
}
