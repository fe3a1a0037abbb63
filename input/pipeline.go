package input

// A large figures.csv is parsed on its own goroutine while this one
// validates: the parse stage hands over batches of parsed rows, each with
// the problems found reading them, and the validate stage reports those in
// row order before its own, so the errors (and which are kept under
// MaxErrors) are the same as when one goroutine does both.

// batchRows is the number of parsed rows handed over at once.
const batchRows = 2048

// figureBatch is a run of parsed rows and the problems reading them met;
// figureRow.errs counts the problems up to and including each row.
type figureBatch struct {
	rows []figureRow
	errs collector
}

// pipeline reads every row of fr's table, parsing on a second goroutine.
func (fr *figureReader) pipeline() {
	const inFlight = 3
	full := make(chan *figureBatch, inFlight)
	free := make(chan *figureBatch, inFlight)
	for range inFlight {
		free <- &figureBatch{rows: make([]figureRow, 0, batchRows)}
	}
	go fr.figureParser.batches(free, full, fr.rep.c.max)
	for b := range full {
		done := 0
		for i := range b.rows {
			fr.rep.c.merge(&b.errs, done, b.rows[i].errs)
			done = b.rows[i].errs
			fr.validate(&b.rows[i])
		}
		fr.rep.c.merge(&b.errs, done, b.errs.count())
		free <- b
	}
}

// batches parses the table's rows into batches taken from free and sent
// to full, closing full after the last. The table reports into each
// batch's collector meanwhile; it is the caller's again once full closes.
func (fp *figureParser) batches(free <-chan *figureBatch, full chan<- *figureBatch, maxErrors int) {
	t := fp.t
	own := t.c
	defer func() {
		t.c = own
		close(full)
	}()
	for more := true; more; {
		b := <-free
		b.rows = b.rows[:0]
		b.errs = collector{max: maxErrors, errs: b.errs.errs[:0]}
		t.c = &b.errs
		for len(b.rows) < cap(b.rows) {
			if more = t.next(); !more {
				break
			}
			b.rows = append(b.rows, figureRow{})
			row := &b.rows[len(b.rows)-1]
			fp.parse(row)
			row.errs = b.errs.count()
		}
		full <- b
	}
}
