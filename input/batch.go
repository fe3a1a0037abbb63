package input

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/basebrief/basebrief/analysis"
)

// batchExpected is the hint appended to every batch error.
const batchExpected = "expected a positive number such as 2, 第2批 or 第二批, or empty"

// maxBatch bounds batch numbers; national batches number in the tens.
const maxBatch = 9999

// ParseBatch reads a national batch: "" (no batch: 0), a positive integer,
// or a Chinese ordinal with optional 第 and 批/批次: 第二批 = 2, 第十二批 = 12,
// 二, 十二, 第3批, 第 3 批.
func ParseBatch(s string) (int, error) {
	t := removeSpaces(fold(trim(s)))
	if t == "" {
		return 0, nil
	}
	body := strings.TrimPrefix(t, "第")
	if b, ok := strings.CutSuffix(body, "批次"); ok {
		body = b
	} else {
		body = strings.TrimSuffix(body, "批")
	}
	n, ok := 0, false
	if body != "" && isASCII(body) {
		var err error
		n, err = strconv.Atoi(body)
		ok = err == nil && body[0] != '+' && body[0] != '-'
	} else {
		n, ok = chineseNumber(body)
	}
	switch {
	case !ok:
		return 0, fmt.Errorf("%q is not a batch, %s", s, batchExpected)
	case n < 1 || n > maxBatch:
		return 0, fmt.Errorf("%q is out of range, expected a batch 1–%d", s, maxBatch)
	}
	return n, nil
}

var chineseDigits = map[rune]int{
	'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4,
	'五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
}

var chineseUnits = map[rune]int{'十': 10, '百': 100, '千': 1000}

// chineseNumber reads a Chinese numeral below 10000: 二, 十二, 二十, 一百零五.
// Units must fall (千 before 百 before 十) and digits may not run together
// except through 零.
func chineseNumber(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	total, digit, lastUnit := 0, -1, 10000
	for i, r := range s {
		if d, ok := chineseDigits[r]; ok {
			if digit > 0 {
				return 0, false // two digits in a row: 二二
			}
			digit = d
			continue
		}
		u, ok := chineseUnits[r]
		if !ok || u >= lastUnit {
			return 0, false
		}
		switch {
		case digit == -1 && i == 0 && u == 10:
			digit = 1 // 十二 = 12
		case digit <= 0:
			return 0, false
		}
		total += digit * u
		digit, lastUnit = -1, u
	}
	if digit > 0 {
		total += digit
	}
	return total, total > 0 || strings.ContainsAny(s, "零〇")
}

// ParseTier reads a city tier: pilot/试点/试点城市/创新试点城市,
// promotion/推广/推广城市/创新推广城市 (English in any case), and "",
// other or 其他 for neither.
func ParseTier(s string) (analysis.Tier, error) {
	switch strings.ToLower(removeSpaces(fold(trim(s)))) {
	case "", "other", "其他":
		return analysis.TierOther, nil
	case "pilot", "试点", "试点城市", "创新试点城市":
		return analysis.TierPilot, nil
	case "promotion", "推广", "推广城市", "创新推广城市":
		return analysis.TierPromotion, nil
	}
	return analysis.TierOther, fmt.Errorf("%q is not a tier, expected pilot/试点/创新试点城市, promotion/推广/创新推广城市 or empty", s)
}
