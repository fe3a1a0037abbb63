// Package delivery sends a written packet to the people who read it: by mail
// (github.com/wneessen/go-mail) and through WeCom, DingTalk and Feishu group
// robots, as delivery.toml says. It records one receipt per recipient and
// channel in the packet's delivery.json, skips what was already sent unless
// asked to resend, and tells the [alert] addresses or robot of any failure,
// so a delivery never fails without a word.
//
// It only reads the packet (manifest.json, summary.json and the files it
// sends) and writes delivery.json beside them; the packet itself is output's.
package delivery
