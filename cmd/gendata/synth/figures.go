package synth

import (
	"bufio"
	"io"
	"math/rand/v2"
	"strconv"
)

// rowsPerPeriod counts the figures rows of one period: a total per city,
// four segment rows for the cities that report them, and a province-level
// total for every fifth province.
func rowsPerPeriod(cities []city) int {
	n := 0
	for _, c := range cities {
		n++
		if c.segments {
			n += 4
		}
	}
	return n + (len(provinces)+4)/5
}

// writeFigures writes monthly periods ending in the latest one, oldest
// first, so that exactly rows rows are written and the latest periods are
// complete: the oldest period is the one cut short.
func writeFigures(w io.Writer, cities []city, rows int, rng *rand.Rand) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString("province,city,period,members,segment,source\n")
	per := rowsPerPeriod(cities)
	periods := (rows + per - 1) / per
	skip := periods*per - rows
	// The latest period is 2024-12; the first is periods-1 months before.
	start := 2024*12 + 11 - (periods - 1)
	var line []byte
	provSum := make(map[string]int64, len(provinces))
	for p := 0; p < periods; p++ {
		m := start + p
		period := strconv.Itoa(m/12) + "-" + twoDigits(m%12+1)
		clear(provSum)
		for i, c := range cities {
			// Steady growth of about 5% a year up to the latest period,
			// with ±1% noise a month.
			v := c.base * int64(1000-4*(periods-1-p)+rng.IntN(21)-10) / 1000
			v = max(v, 0)
			provSum[c.province] += v
			n := 1
			if c.segments {
				n = 5
			}
			for s := 0; s < n; s++ {
				if skip > 0 {
					skip--
					continue
				}
				sv := v
				if s > 0 {
					sv = v * int64(5-s) / 12 // 4/12, 3/12, 2/12, 1/12 of the total
				}
				line = appendRow(line[:0], c.province, c.name, period, sv, segments[s], i+s)
				bw.Write(line)
			}
		}
		// Province-level totals cover the areas outside the listed units too.
		for k := 0; k < len(provinces); k += 5 {
			if skip > 0 {
				skip--
				continue
			}
			v := provSum[provinces[k].name] * int64(1100+k) / 1000
			line = appendRow(line[:0], provinces[k].name, "", period, v, "", k)
			bw.Write(line)
		}
	}
	return bw.Flush()
}

// appendRow writes one figures row. Most counts are plain integers, as a
// system export writes them; some are written 1,234,567 or 123.45万, as
// analysts do, so the parser's other paths are exercised at scale.
func appendRow(b []byte, prov, city, period string, v int64, seg string, k int) []byte {
	b = append(b, prov...)
	b = append(b, ',')
	b = append(b, city...)
	b = append(b, ',')
	b = append(b, period...)
	b = append(b, ',')
	switch k % 20 {
	case 7:
		b = appendGrouped(b, v)
	case 13:
		v = v / 100 * 100
		b = strconv.AppendInt(b, v/10000, 10)
		b = append(b, '.')
		b = append(b, twoDigits(int(v%10000/100))...)
		b = append(b, "万"...)
	default:
		b = strconv.AppendInt(b, v, 10)
	}
	b = append(b, ',')
	b = append(b, seg...)
	b = append(b, ",统计月报\n"...)
	return b
}

// appendGrouped writes v with thousands separators, quoted for CSV.
func appendGrouped(b []byte, v int64) []byte {
	s := strconv.FormatInt(v, 10)
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, s[i])
	}
	return append(b, '"')
}

func twoDigits(n int) string {
	return string([]byte{byte('0' + n/10), byte('0' + n%10)})
}
