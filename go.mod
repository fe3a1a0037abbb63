module github.com/basebrief/basebrief

go 1.26.8

require golang.org/x/image v0.47.0

require golang.org/x/text v0.44.0 // indirect
