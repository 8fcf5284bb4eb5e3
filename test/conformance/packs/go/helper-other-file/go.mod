module example.com/conformance/otherfile

go 1.22
