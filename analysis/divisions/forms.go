package divisions

import (
	"strings"
	"unicode/utf8"
)

// ethnic lists the names of peoples that autonomous areas put between their
// place name and their kind (恩施土家族苗族自治州: 恩施 + 土家族 + 苗族 +
// 自治州). A few appear without 族 in official names (巴音郭楞蒙古自治州).
var ethnic = []string{
	"蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族", "满族", "侗族", "瑶族",
	"白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族", "佤族", "畲族", "高山族", "拉祜族",
	"水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族", "布朗族",
	"撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族", "塔吉克族", "怒族", "乌孜别克族",
	"俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族", "独龙族", "鄂伦春族",
	"赫哲族", "门巴族", "珞巴族", "基诺族", "各族",
	"蒙古", "哈萨克", "柯尔克孜", "锡伯", "塔吉克", "维吾尔", "鄂伦春",
}

// minShort is the shortest a short form may be: 沛县 is never written 沛.
const minShort = 2

func runes(s string) int { return utf8.RuneCountInString(s) }

// cut removes suffix from s when what is left is long enough to be a name.
func cut(s, suffix string) (string, bool) {
	if !strings.HasSuffix(s, suffix) || runes(s)-runes(suffix) < minShort {
		return s, false
	}
	return s[:len(s)-len(suffix)], true
}

// placeName strips the peoples from an autonomous area's name before its
// kind: 恩施土家族苗族 → 恩施, 巴音郭楞蒙古 → 巴音郭楞. A name that is only a
// people (鄂温克族 of 鄂温克族自治旗) drops its 族: 鄂温克.
func placeName(s string) string {
	for stripped := true; stripped; {
		stripped = false
		for _, e := range ethnic {
			if t, ok := cut(s, e); ok {
				s, stripped = t, true
				break
			}
		}
	}
	if t, ok := cut(s, "族"); ok {
		for _, e := range ethnic {
			if e == s {
				return t
			}
		}
	}
	return s
}

// autonomous returns the place name and the one-character kind of an
// autonomous area's full name (恩施土家族苗族自治州 → 恩施, 州).
func autonomous(full string, kinds ...string) (base, kind string, ok bool) {
	for _, k := range kinds {
		if t, cutOK := cut(full, "自治"+k); cutOK {
			return placeName(t), k, true
		}
	}
	return "", "", false
}

// provinceForms lists the other ways a province is written: 四川 for
// 四川省, 西藏 and 西藏区 for 西藏自治区, 广西壮族 for 广西壮族自治区.
func provinceForms(full string) []string {
	if base, kind, ok := autonomous(full, "区"); ok {
		forms := []string{base, base + kind}
		if t, _ := cut(full, "自治区"); t != base {
			forms = append(forms, t)
		}
		return forms
	}
	for _, suffix := range []string{"省", "市"} {
		if t, ok := cut(full, suffix); ok {
			return []string{t}
		}
	}
	return nil
}

// prefectureForms lists the other ways a prefecture-level unit is written:
// 成都 for 成都市, 阿里 for 阿里地区, 兴安 for 兴安盟, 恩施州 and 恩施 for
// 恩施土家族苗族自治州.
func prefectureForms(full string) []string {
	if base, kind, ok := autonomous(full, "州"); ok {
		return []string{base + kind, base}
	}
	for _, suffix := range []string{"地区", "市", "盟"} {
		if t, ok := cut(full, suffix); ok {
			return []string{t}
		}
	}
	return nil
}

// countyForms lists the other ways a county-level unit is written: 渝中 for
// 渝中区, 石柱县 and 石柱 for 石柱土家族自治县, 神农架 for 神农架林区.
func countyForms(full string) []string {
	if base, kind, ok := autonomous(full, "县", "旗"); ok {
		return []string{base + kind, base}
	}
	for _, suffix := range []string{"新区", "林区", "特区", "区", "县", "市", "旗"} {
		if t, ok := cut(full, suffix); ok {
			return []string{t}
		}
	}
	return nil
}

// aliases are the abbreviations that follow no rule, by code.
var aliases = map[string][]string{
	"15":   {"内蒙"},
	"6527": {"博州"},
	"6528": {"巴州"},
	"6530": {"克州"},
	"5328": {"版纳"},
}

// regionSuffixes are what a 片区's name may end in or leave off.
var regionSuffixes = []string{"地区", "片区"}

// RegionKey is the form-free key of a region (片区) name: 东部 and 东部地区
// (and 东部片区) share the key 东部. Regions are the data's, not divisions.
func RegionKey(name string) string {
	for _, s := range regionSuffixes {
		if t, ok := cut(name, s); ok {
			return t
		}
	}
	return name
}
