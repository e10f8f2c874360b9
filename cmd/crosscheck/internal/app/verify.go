package app

import "errors"

// runVerify is wired to compare/comparetest once that package lands.
func runVerify(args []string, env Env) (int, error) {
	return ExitError, errors.New("verify: not built yet")
}
