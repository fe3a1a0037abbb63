// Package divisions holds China's official administrative divisions (the
// National Bureau of Statistics' 统计用区划代码, 2023 edition, embedded from
// data/): provinces, prefecture-level and county-level units with their
// codes and the forms analysts write them in (成都 for 成都市, 西藏 for
// 西藏自治区, 恩施州 for 恩施土家族苗族自治州).
//
// It serves two purposes: to recognise one place written two ways (input's
// name matching) and to give the official order government documents list
// places in (by code). It never rejects a name it lacks: programme data
// holds functional areas (两江新区) and test names the table cannot know,
// and such names keep their own spelling as their key and sort after the
// known ones. The 片区 regions of a meeting are not divisions; RegionKey
// only folds the 地区 and 片区 suffixes.
//
// The package is pure: the table is parsed once from embedded text.
package divisions
