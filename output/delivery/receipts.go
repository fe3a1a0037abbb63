package delivery

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/basebrief/basebrief/output"
)

// Channels of a receipt.
const (
	ChannelMail  = "mail"
	KindWeCom    = "wecom"
	KindDingTalk = "dingtalk"
	KindFeishu   = "feishu"
)

// Statuses of a receipt.
const (
	StatusSent   = "sent"
	StatusFailed = "failed"
)

// AlertRecipient is the recipient name of the receipts of an alert.
const AlertRecipient = "[alert]"

// Receipt is the latest attempt to deliver the packet to one recipient
// through one channel, as delivery.json records it. The history records
// these too (see Options.OnReceipt).
type Receipt struct {
	Recipient string `json:"recipient"` // the [[recipient]] or [[robot]] name, or [alert]
	Channel   string `json:"channel"`   // mail, wecom, dingtalk or feishu
	Status    string `json:"status"`    // sent or failed
	Attempts  int    `json:"attempts"`  // tries in the latest send, retries included
	Detail    string `json:"detail"`    // the server's answer or the error
	MessageID string `json:"message_id"`
	Time      string `json:"time"` // RFC 3339, UTC: when the latest attempt ended
	// Files are the packet files sent (for mail: attached), by path.
	Files []string `json:"files,omitempty"`
}

// receiptsFile is delivery.json.
type receiptsFile struct {
	Receipts []Receipt `json:"receipts"`
}

// ReadReceipts reads dir/delivery.json; none yet is an empty list.
func ReadReceipts(dir string) ([]Receipt, error) {
	b, err := os.ReadFile(filepath.Join(dir, output.DeliveryName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read receipts: %w", err)
	}
	var f receiptsFile
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("read %s: %w (move it aside to start the receipts afresh)", filepath.Join(dir, output.DeliveryName), err)
	}
	return f.Receipts, nil
}

// writeReceipts replaces dir/delivery.json whole: written beside the packet
// folder, fsynced, renamed into place, so a reader never sees half a file
// and a killed send leaves no stray file inside the packet.
func writeReceipts(dir string, rs []Receipt) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if rs == nil {
		rs = []Receipt{}
	}
	if err := enc.Encode(receiptsFile{rs}); err != nil {
		return fmt.Errorf("encode receipts: %w", err)
	}
	dir = filepath.Clean(dir)
	f, err := os.CreateTemp(filepath.Dir(dir), "."+filepath.Base(dir)+".receipts-*")
	if err != nil {
		return fmt.Errorf("write receipts: %w", err)
	}
	tmp := f.Name()
	_, err = f.Write(buf.Bytes())
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, filepath.Join(dir, output.DeliveryName))
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write receipts: %w", err)
	}
	return nil
}

// merge puts r in place of the receipt of the same recipient and channel,
// or at the end.
func merge(rs []Receipt, r Receipt) []Receipt {
	for i := range rs {
		if rs[i].Recipient == r.Recipient && rs[i].Channel == r.Channel {
			rs[i] = r
			return rs
		}
	}
	return append(rs, r)
}

// find returns the receipt of recipient and channel, if any.
func find(rs []Receipt, recipient, channel string) (Receipt, bool) {
	for _, r := range rs {
		if r.Recipient == recipient && r.Channel == channel {
			return r, true
		}
	}
	return Receipt{}, false
}
