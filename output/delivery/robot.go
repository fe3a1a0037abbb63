package delivery

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Limits of the group robots' APIs.
const (
	// WeCom: markdown content at most 4096 bytes, UTF-8; a file for
	// upload_media 5 B to 20 MB (work.weixin.qq.com/api/doc/90000/90136/91770,
	// 群机器人配置说明).
	wecomMarkdownMax = 4096
	wecomFileMin     = 5
	wecomFileMax     = 20 << 20
	// Feishu: a request body at most 20 KB (open.feishu.cn custom bot guide).
	feishuBodyMax = 20 << 10
	// DingTalk's markdown has no documented limit; kept to WeCom's so one
	// notice fits all.
	dingtalkMarkdownMax = 4096
)

// interval is how far apart one robot's messages are sent: WeCom and
// DingTalk take 20 a minute per robot (DingTalk throttles a robot for ten
// minutes past that: open.dingtalk.com custom robot access, 消息发送频率限制),
// Feishu 100 a minute.
func interval(kind string) time.Duration {
	if kind == KindFeishu {
		return 600 * time.Millisecond
	}
	return 3 * time.Second
}

// robot posts to one group robot's webhook.
type robot struct {
	cfg    Robot
	url    string // the webhook, with its credential: never logged
	secret string
	http   *http.Client
	now    func() time.Time
	sleep  func(context.Context, time.Duration) error
	last   time.Time // when the last message went, for spacing
}

// notice is what a robot posts: a short markdown message.
type notice struct {
	title string
	lines []string // paragraphs
}

// markdown writes the notice in the markdown both WeCom and DingTalk read,
// cut to max bytes at a character boundary.
func (n notice) markdown(max int) string {
	s := "### " + n.title + "\n\n" + strings.Join(n.lines, "\n\n")
	return truncate(s, max)
}

func truncate(s string, max int) string {
	if len(s) <= max {
		return s
	}
	cut := max - len("…")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// pace waits until the robot may send again.
func (r *robot) pace(ctx context.Context) error {
	if !r.last.IsZero() {
		if d := r.last.Add(interval(r.cfg.Kind)).Sub(r.now()); d > 0 {
			if err := r.sleep(ctx, d); err != nil {
				return err
			}
		}
	}
	r.last = r.now()
	return nil
}

// sendNotice posts the notice; it returns the server's answer.
func (r *robot) sendNotice(ctx context.Context, n notice) (string, error) {
	switch r.cfg.Kind {
	case KindWeCom:
		// {"msgtype":"markdown","markdown":{"content":...}} (群机器人配置说明, markdown类型).
		return r.post(ctx, r.url, map[string]any{"msgtype": "markdown",
			"markdown": map[string]string{"content": n.markdown(wecomMarkdownMax)}})
	case KindDingTalk:
		// {"msgtype":"markdown","markdown":{"title":...,"text":...}}, signed in
		// the query (open.dingtalk.com/document/group/custom-robot-access).
		u, err := r.dingtalkURL()
		if err != nil {
			return "", err
		}
		return r.post(ctx, u, map[string]any{"msgtype": "markdown",
			"markdown": map[string]string{"title": n.title, "text": n.markdown(dingtalkMarkdownMax)}})
	case KindFeishu:
		return r.post(ctx, r.url, r.feishuBody(n))
	}
	return "", fmt.Errorf("robot kind %q", r.cfg.Kind)
}

// dingtalkURL adds timestamp (ms) and sign to the webhook: sign is
// Base64(HMAC-SHA256 keyed with the secret over timestamp+"\n"+secret),
// URL-encoded (DingTalk 自定义机器人 加签: "把timestamp+"\n"+密钥当做签名字符串，
// 使用HmacSHA256算法计算签名，然后进行Base64 encode，最后再把签名参数再进行
// urlEncode"; the timestamp within an hour of DingTalk's clock).
func (r *robot) dingtalkURL() (string, error) {
	if r.secret == "" {
		return r.url, nil // a robot secured by keyword or IP only
	}
	ts := strconv.FormatInt(r.now().UnixMilli(), 10)
	u, err := url.Parse(r.url)
	if err != nil {
		return "", fmt.Errorf("robot %s: the webhook URL does not parse", r.cfg.Name)
	}
	q := u.Query()
	q.Set("timestamp", ts)
	q.Set("sign", DingTalkSign(ts, r.secret))
	u.RawQuery = q.Encode() // url.Values encodes the sign's + / =
	return u.String(), nil
}

// DingTalkSign is DingTalk's signature before URL encoding.
func DingTalkSign(timestamp, secret string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(timestamp + "\n" + secret))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// FeishuSign is Feishu's signature: Base64(HMAC-SHA256 keyed with
// timestamp+"\n"+secret over an empty message), timestamp in seconds — key
// and message the other way round from DingTalk's (open.feishu.cn custom bot
// guide, 签名校验; its Python sample: hmac.new(key_enc, msg="", sha256)).
func FeishuSign(timestamp, secret string) string {
	mac := hmac.New(sha256.New, []byte(timestamp+"\n"+secret))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// feishuBody is a rich-text (post) message with the signature in the body.
func (r *robot) feishuBody(n notice) map[string]any {
	para := make([]any, 0, len(n.lines))
	for _, l := range n.lines {
		para = append(para, []map[string]string{{"tag": "text", "text": l}})
	}
	body := map[string]any{"msg_type": "post", "content": map[string]any{
		"post": map[string]any{"zh_cn": map[string]any{"title": n.title, "content": para}}}}
	if r.secret != "" {
		ts := strconv.FormatInt(r.now().Unix(), 10)
		body["timestamp"] = ts
		body["sign"] = FeishuSign(ts, r.secret)
	}
	// The body must stay under 20 KB: shorten the longest paragraph.
	for {
		b, _ := json.Marshal(body)
		if len(b) <= feishuBodyMax || len(para) == 0 {
			return body
		}
		last := para[len(para)-1].([]map[string]string)
		last[0]["text"] = truncate(last[0]["text"], len(last[0]["text"])-(len(b)-feishuBodyMax)-16)
	}
}

// sendFile uploads data with WeCom's upload_media and posts it as a file
// message (群机器人配置说明, 文件上传接口: POST
// .../webhook/upload_media?key=KEY&type=file, multipart/form-data, the file
// in the field "media" with filename and filelength; answers media_id, valid
// three days for this robot only).
func (r *robot) sendFile(ctx context.Context, name string, data []byte) (string, error) {
	if len(data) < wecomFileMin || len(data) > wecomFileMax {
		return "", fmt.Errorf("%s is %s; a WeCom robot takes files of 5 B to 20 MB", name, humanSize(int64(len(data))))
	}
	u, err := url.Parse(r.url)
	if err != nil {
		return "", fmt.Errorf("robot %s: the webhook URL does not parse", r.cfg.Name)
	}
	u.Path = strings.TrimSuffix(u.Path, "/send") + "/upload_media"
	q := u.Query()
	q.Set("type", "file")
	u.RawQuery = q.Encode()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="media"; filename=%q; filelength=%d`, name, len(data)))
	h.Set("Content-Type", "application/octet-stream")
	part, err := mw.CreatePart(h)
	if err == nil {
		_, err = part.Write(data)
	}
	if err == nil {
		err = mw.Close()
	}
	if err != nil {
		return "", fmt.Errorf("build upload: %w", err)
	}
	ans, err := r.do(ctx, u.String(), mw.FormDataContentType(), body.Bytes())
	if err != nil {
		return "", err
	}
	var up struct {
		MediaID string `json:"media_id"`
	}
	if err := json.Unmarshal([]byte(ans), &up); err != nil || up.MediaID == "" {
		return "", fmt.Errorf("upload_media answered without a media_id: %s", ans)
	}
	if err := r.pace(ctx); err != nil {
		return "", err
	}
	return r.post(ctx, r.url, map[string]any{"msgtype": "file", "file": map[string]string{"media_id": up.MediaID}})
}

// post sends a JSON message.
func (r *robot) post(ctx context.Context, u string, msg any) (string, error) {
	b, err := json.Marshal(msg)
	if err != nil {
		return "", fmt.Errorf("encode message: %w", err)
	}
	return r.do(ctx, u, "application/json; charset=utf-8", b)
}

// do posts and reads the answer: a non-2xx status or a non-zero errcode
// (WeCom, DingTalk) or code (Feishu) is a failure, with the answer as its
// detail. The URL holds the credential and is kept out of every error.
func (r *robot) do(ctx context.Context, u, contentType string, body []byte) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(body))
	if err != nil {
		return "", fmt.Errorf("robot %s: the webhook URL does not parse", r.cfg.Name)
	}
	req.Header.Set("Content-Type", contentType)
	resp, err := r.http.Do(req)
	if err != nil {
		var ue *url.Error
		if ok := asURLError(err, &ue); ok {
			err = ue.Err // drop the URL: it carries the key
		}
		return "", fmt.Errorf("post to robot %s: %w", r.cfg.Name, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	ans := strings.TrimSpace(string(raw))
	if resp.StatusCode/100 != 2 {
		return ans, fmt.Errorf("robot %s answered HTTP %d: %s", r.cfg.Name, resp.StatusCode, truncate(ans, 300))
	}
	var a struct {
		ErrCode *int   `json:"errcode"`
		ErrMsg  string `json:"errmsg"`
		Code    *int   `json:"code"`
		Msg     string `json:"msg"`
	}
	if err := json.Unmarshal(raw, &a); err != nil {
		return ans, fmt.Errorf("robot %s answered something other than JSON: %s", r.cfg.Name, truncate(ans, 300))
	}
	switch {
	case a.ErrCode != nil && *a.ErrCode != 0:
		return ans, fmt.Errorf("robot %s refused the message: errcode %d %s", r.cfg.Name, *a.ErrCode, a.ErrMsg)
	case a.Code != nil && *a.Code != 0:
		return ans, fmt.Errorf("robot %s refused the message: code %d %s", r.cfg.Name, *a.Code, a.Msg)
	case a.ErrCode == nil && a.Code == nil:
		return ans, fmt.Errorf("robot %s answered without errcode or code: %s", r.cfg.Name, truncate(ans, 300))
	}
	return ans, nil
}
