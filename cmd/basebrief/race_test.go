//go:build race

package main

// raceEnabled trims the tests that only repeat full renders: under the race
// detector one render takes seconds.
const raceEnabled = true
