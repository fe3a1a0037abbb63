package input

// A large figures.csv is parsed on its own goroutine while this one
// validates: the parse stage hands over batches of parsed rows, each with
// the problems found reading them, and the validate stage reports those in
// row order before its own, so the errors (and which are kept under
// MaxErrors) are the same as when one goroutine does both.

// batchRows is the number of parsed rows handed over at once.
const batchRows = 1024

// figureBatch is a run of parsed rows and the problems reading them met;
// figureRow.errs counts the problems up to and including each row.
type figureBatch struct {
	rows []figureRow
	errs errorLog
}

// inFlight bounds the batches parsed but not yet validated. Slack lets the
// two stages and the decoding goroutine keep both cores busy: with 3
// batches of 2,048 rows a 1M-row load took 150 ms, with 16 of 1,024 130 ms.
const inFlight = 16

// pipeline reads every row of fr's table, parsing on a second goroutine.
func (fr *figureReader) pipeline() {
	full := make(chan *figureBatch, inFlight)
	free := make(chan *figureBatch, inFlight)
	go fr.figureParser.batches(free, full)
	for b := range full {
		done := 0
		for i := range b.rows {
			for _, e := range b.errs.errs[done:b.rows[i].errs] {
				fr.rep.c.add(e)
			}
			done = int(b.rows[i].errs)
			fr.validate(&b.rows[i])
		}
		for _, e := range b.errs.errs[done:] {
			fr.rep.c.add(e)
		}
		free <- b
	}
}

// batches parses the table's rows into batches taken from free and sent
// to full, closing full after the last. The table reports into each
// batch's collector meanwhile; it is the caller's again once full closes.
func (fp *figureParser) batches(free <-chan *figureBatch, full chan<- *figureBatch) {
	t := fp.t
	own := t.c
	defer func() {
		t.c = own
		close(full)
	}()
	made := 0
	for more := true; more; {
		var b *figureBatch
		select {
		case b = <-free:
		default:
			if made < inFlight {
				made++
				b = &figureBatch{rows: make([]figureRow, 0, batchRows)}
			} else {
				b = <-free
			}
		}
		b.rows = b.rows[:0]
		b.errs.errs = b.errs.errs[:0]
		t.c = &b.errs
		for len(b.rows) < cap(b.rows) {
			if more = t.next(); !more {
				break
			}
			b.rows = append(b.rows, figureRow{})
			row := &b.rows[len(b.rows)-1]
			fp.parse(row)
			row.errs = int32(len(b.errs.errs))
		}
		full <- b
	}
}
