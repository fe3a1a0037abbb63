package divisions

import "sync"

// english maps a place's code to its English name (data/english.csv): the
// Hanyu Pinyin of its place name without tones, as one word (Chengdu,
// Xi'an, Lü'an), with the kind in English where it is not a city
// (Enshi Prefecture, Panyu District, Pei County, Alashan League); the
// provinces by their usual English names (Inner Mongolia, Shaanxi,
// Xizang), and a few cities by theirs (Hohhot, Urumqi, Lhasa, Harbin,
// Turpan). Generated once from the table's short forms with Debian's
// golang-github-mozillazg-go-pinyin-dev and corrected by hand for the
// readings place names take (重庆 Chongqing, 蚌埠 Bengbu, 六安 Lu'an,
// 六盘水 Liupanshui); the generator is not part of the build.
var english = sync.OnceValue(func() map[string]string {
	recs, err := readCSV("english.csv", 2)
	if err != nil {
		panic("divisions: embedded english.csv: " + err.Error()) // the build embeds it: a bad file is a bug
	}
	m := make(map[string]string, len(recs))
	for _, r := range recs {
		m[r[0]] = r[1]
	}
	return m
})

// English is the place's English name (Sichuan, Chengdu, Enshi
// Prefecture); "" where the table has none.
func (p Place) English() string { return english()[p.Code] }

// EnglishProvince is the English name of the province written as name
// (any form); ok is false where the table does not know it.
func EnglishProvince(name string) (string, bool) {
	p, ok := Province(name)
	if !ok || p.English() == "" {
		return "", false
	}
	return p.English(), true
}

// EnglishCity is the English name of the one place name means in
// province (成都 or 成都市 in 四川: Chengdu); ok is false where the table
// does not know it or it may be several.
func EnglishCity(province, name string) (string, bool) {
	p, ok := City(province, name)
	if !ok || p.English() == "" {
		return "", false
	}
	return p.English(), true
}
