package delivery

import (
	"context"
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"strings"
)

// words are the few phrases a mail or notice needs, in the packet's language.
type words struct{ en bool }

func (w words) t(zh, en string) string {
	if w.en {
		return en
	}
	return zh
}

// mailRecipient mails one recipient its files.
func (d *run) mailRecipient(ctx context.Context, r Recipient) Receipt {
	l, files, err := d.letter(r)
	if err != nil {
		return failed(r.Name, ChannelMail, 0, err)
	}
	msg, err := d.mail.build(l)
	if err != nil {
		return failed(r.Name, ChannelMail, 0, err)
	}
	o := d.mail.send(ctx, msg)
	if o.err != nil {
		return Receipt{Recipient: r.Name, Channel: ChannelMail, Status: StatusFailed, Attempts: o.attempts,
			Detail: o.detail, MessageID: o.messageID, Files: files}
	}
	return Receipt{Recipient: r.Name, Channel: ChannelMail, Status: StatusSent, Attempts: o.attempts,
		Detail: o.detail, MessageID: o.messageID, Files: files}
}

// letter makes recipient r's mail and checks its size: over max_mb, the PDF
// alone goes and the body says what was left out (oversize = "pdf_only"),
// or nothing goes and the receipt says why (oversize = "fail"). A mail is
// never sent without the files it exists for.
func (d *run) letter(r Recipient) (letter, []string, error) {
	ed, err := d.pkt.Edition(r.Slice)
	if err != nil {
		return letter{}, nil, err
	}
	atts, undrawn, err := d.pkt.Attachments(ed, r.Files)
	if err != nil {
		return letter{}, nil, err
	}
	if len(undrawn) > 0 {
		if len(atts) == 0 {
			return letter{}, nil, fmt.Errorf("none of its files is in this packet: %s not drawn for its data (a chart is drawn only where it compares something); nothing sent: name briefing.pdf too", strings.Join(undrawn, ", "))
		}
		d.log.Warn("charts not drawn for this packet are left out of the mail, which says so", "recipient", r.Name, "files", strings.Join(undrawn, ", "))
	}
	l := letter{to: r.To, cc: r.Cc, subject: ed.Subject, attached: atts, undrawn: undrawn}
	l.body = body(ed, atts, nil, undrawn, d.cfg.Mail.MaxMB)
	n, err := d.size(l)
	if err != nil {
		return letter{}, nil, err
	}
	max := int64(d.cfg.Mail.MaxMB * (1 << 20))
	if n > max {
		over := fmt.Errorf("the mail would be %s with its files encoded, over max_mb = %v", humanSize(n), d.cfg.Mail.MaxMB)
		if d.cfg.Mail.Oversize == OversizeFail {
			return letter{}, nil, fmt.Errorf("%w; nothing sent (oversize = \"fail\"): name fewer files or raise max_mb", over)
		}
		var pdf []Attachment
		var left []Attachment
		for _, a := range atts {
			if path.Base(a.Path) == "briefing.pdf" {
				pdf = append(pdf, a)
			} else {
				left = append(left, a)
			}
		}
		if len(pdf) == 0 {
			return letter{}, nil, fmt.Errorf("%w, and briefing.pdf is not among its files to send alone; nothing sent", over)
		}
		l.attached = pdf
		l.body = body(ed, pdf, left, undrawn, d.cfg.Mail.MaxMB)
		if n, err = d.size(l); err != nil {
			return letter{}, nil, err
		}
		if n > max {
			return letter{}, nil, fmt.Errorf("%w, and %s with briefing.pdf alone; nothing sent: raise max_mb", over, humanSize(n))
		}
		atts = pdf
	}
	files := make([]string, len(atts))
	for i, a := range atts {
		files[i] = a.Path
	}
	return l, files, nil
}

func (d *run) size(l letter) (int64, error) {
	msg, err := d.mail.build(l)
	if err != nil {
		return 0, err
	}
	return size(msg)
}

// body is the mail's text: the 导语, the files attached and, when some were
// left out for size or not drawn for this packet, which and why.
func body(ed *Edition, atts, left []Attachment, undrawn []string, maxMB float64) string {
	w := words{ed.en}
	var b strings.Builder
	b.WriteString(ed.Subject + "\n\n")
	if ed.Lead != "" {
		b.WriteString(ed.Lead + "\n\n")
	}
	b.WriteString(w.t("附件：\n", "Attached:\n"))
	for _, a := range atts {
		fmt.Fprintf(&b, "  %s（%s）\n", a.Name, humanSize(int64(len(a.Data))))
	}
	if len(left) > 0 {
		b.WriteString(w.t(fmt.Sprintf("\n以下文件未随本邮件发送（邮件将超过 %v MB 的上限），请向发件人索取：\n", maxMB),
			fmt.Sprintf("\nNot attached (the mail would pass its %v MB limit); ask the sender for them:\n", maxMB)))
		for _, a := range left {
			fmt.Fprintf(&b, "  %s（%s）\n", a.Name, humanSize(int64(len(a.Data))))
		}
	}
	if len(undrawn) > 0 {
		b.WriteString(w.t("\n以下图表本期未绘制（图表只在数据足以比较时绘制，例如只有一个城市报送人数时不画各城市人数图），所以未随本邮件发送：\n",
			"\nNot drawn for this briefing, so not attached (a chart is drawn only where the data give it something to compare, e.g. no members by city where one city reports):\n"))
		for _, f := range undrawn {
			fmt.Fprintf(&b, "  %s\n", f)
		}
	}
	b.WriteString(w.t("\n本邮件由 basebrief 自动发送。\n", "\nSent by basebrief.\n"))
	return b.String()
}

// robotRecipient posts the notice to one robot and, for WeCom, its files.
func (d *run) robotRecipient(ctx context.Context, cfg Robot) Receipt {
	r := d.robots[cfg.Name]
	ed, err := d.pkt.Edition(cfg.Slice)
	if err != nil {
		return failed(cfg.Name, cfg.Kind, 0, err)
	}
	atts, undrawn, err := d.pkt.Attachments(ed, cfg.Files)
	if err != nil {
		return failed(cfg.Name, cfg.Kind, 0, err)
	}
	n := notice{title: ed.Subject}
	if ed.Lead != "" {
		n.lines = append(n.lines, ed.Lead)
	}
	w := words{ed.en}
	if len(atts) > 0 {
		names := make([]string, len(atts))
		for i, a := range atts {
			names[i] = a.Name + w.t("（", " (") + humanSize(int64(len(a.Data))) + w.t("）", ")")
		}
		n.lines = append(n.lines, w.t("文件：", "Files: ")+strings.Join(names, w.t("、", ", ")))
	}
	if len(undrawn) > 0 {
		d.log.Warn("charts not drawn for this packet are left out of the notice, which says so", "robot", cfg.Name, "files", strings.Join(undrawn, ", "))
		n.lines = append(n.lines, w.t("本期未绘制、未附：", "Not drawn for this briefing, not attached: ")+strings.Join(undrawn, w.t("、", ", ")))
	}
	attempts := 1
	if err := r.pace(ctx); err != nil {
		return failed(cfg.Name, cfg.Kind, attempts, err)
	}
	ans, err := r.sendNotice(ctx, n)
	if err != nil {
		return failed(cfg.Name, cfg.Kind, attempts, errors.New(scrub(err.Error(), r.url)))
	}
	var files []string
	for _, a := range atts {
		attempts++ // the upload is not a message: sendFile paces the file message
		if ans, err = r.sendFile(ctx, a.Name, a.Data); err != nil {
			rc := failed(cfg.Name, cfg.Kind, attempts, fmt.Errorf("notice sent, file %s not: %s", a.Path, scrub(err.Error(), r.url)))
			rc.Files = files
			return rc
		}
		files = append(files, a.Path)
	}
	return Receipt{Recipient: cfg.Name, Channel: cfg.Kind, Status: StatusSent, Attempts: attempts, Detail: ans, Files: files}
}

// alert tells the [alert] addresses and robot which deliveries failed. Its
// own failure is logged and recorded, and changes nothing else: the exit
// status already says delivery is incomplete.
func (d *run) alert(ctx context.Context) {
	a := d.cfg.Alert
	if len(a.To) == 0 && a.Robot == "" {
		d.log.Error("delivery incomplete and no [alert] configured: nobody else is told", "packet", d.o.Packet)
		return
	}
	en := d.pkt.Manifest.Lang == "en"
	w := words{en}
	subject := w.t("【投递未完成】", "[delivery incomplete] ")
	if ed, err := d.pkt.Edition(""); err == nil {
		subject += ed.Subject
	}
	abs, err := filepath.Abs(d.o.Packet)
	if err != nil {
		abs = d.o.Packet
	}
	lines := []string{w.t("以下投递失败：", "These deliveries failed:")}
	for _, f := range d.res.Failed {
		lines = append(lines, fmt.Sprintf("%s（%s）：%s", f.Recipient, f.Channel, f.Detail))
	}
	lines = append(lines, w.t("数据包：", "Packet: ")+abs,
		w.t("回执见 delivery.json；修复后运行 basebrief send 补发未送达的部分。", "Receipts in delivery.json; once fixed, basebrief send sends what is missing."))
	if len(a.To) > 0 {
		l := letter{to: a.To, subject: subject, body: strings.Join(lines, "\n") + "\n"}
		rc := Receipt{Recipient: AlertRecipient, Channel: ChannelMail}
		msg, err := d.mail.build(l)
		if err == nil {
			o := d.mail.send(ctx, msg)
			rc.Attempts, rc.Detail, rc.MessageID, err = o.attempts, o.detail, o.messageID, o.err
		}
		if err != nil {
			rc.Status, rc.Detail = StatusFailed, scrub(err.Error(), d.sec.password)
		} else {
			rc.Status = StatusSent
		}
		d.record(rc)
	}
	if r := d.robots[a.Robot]; r != nil {
		rc := Receipt{Recipient: AlertRecipient, Channel: r.cfg.Kind, Attempts: 1}
		err := r.pace(ctx)
		if err == nil {
			rc.Detail, err = r.sendNotice(ctx, notice{title: subject, lines: lines})
		}
		if err != nil {
			rc.Status, rc.Detail = StatusFailed, scrub(err.Error(), r.url)
		} else {
			rc.Status = StatusSent
		}
		d.record(rc)
	}
}

// dryRun lists what would go to whom, with sizes, and sends nothing.
func (d *run) dryRun() error {
	out := d.o.Out
	if out == nil {
		return nil
	}
	problems := 0
	for _, r := range d.cfg.Recipients {
		if !d.wanted(r.Name, ChannelMail) {
			fmt.Fprintf(out, "mail  %s: already sent, skipped (--resend sends it again)\n", r.Name)
			continue
		}
		l, _, err := d.letter(r)
		if err != nil {
			problems++
			fmt.Fprintf(out, "mail  %s: would fail: %v\n", r.Name, err)
			continue
		}
		n, _ := d.size(l)
		to := strings.Join(r.To, ", ")
		if len(r.Cc) > 0 {
			to += "; cc " + strings.Join(r.Cc, ", ")
		}
		fmt.Fprintf(out, "mail  %s → %s: %q, %s\n", r.Name, to, l.subject, humanSize(n))
		for _, a := range l.attached {
			fmt.Fprintf(out, "      %s  %s (%s)\n", a.Path, a.Name, humanSize(int64(len(a.Data))))
		}
		for _, f := range l.undrawn {
			fmt.Fprintf(out, "      %s  not drawn for this packet: left out, the mail says so\n", f)
		}
	}
	for _, r := range d.cfg.Robots {
		if !d.wanted(r.Name, r.Kind) {
			fmt.Fprintf(out, "robot %s (%s): already sent, skipped (--resend sends it again)\n", r.Name, r.Kind)
			continue
		}
		ed, err := d.pkt.Edition(r.Slice)
		var atts []Attachment
		var undrawn []string
		if err == nil {
			atts, undrawn, err = d.pkt.Attachments(ed, r.Files)
		}
		if err != nil {
			problems++
			fmt.Fprintf(out, "robot %s (%s): would fail: %v\n", r.Name, r.Kind, err)
			continue
		}
		fmt.Fprintf(out, "robot %s (%s): notice %q\n", r.Name, r.Kind, ed.Subject)
		for _, a := range atts {
			fmt.Fprintf(out, "      %s  %s (%s)\n", a.Path, a.Name, humanSize(int64(len(a.Data))))
		}
		for _, f := range undrawn {
			fmt.Fprintf(out, "      %s  not drawn for this packet: left out, the notice says so\n", f)
		}
	}
	if problems > 0 {
		return fmt.Errorf("dry run: %d deliveries would fail (listed above)", problems)
	}
	return nil
}
