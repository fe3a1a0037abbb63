package delivery

import (
	"errors"
	"fmt"
	"net/url"
)

func asURLError(err error, ue **url.Error) bool { return errors.As(err, ue) }

// humanSize writes a size as people read it: 812 B, 35.2 KB, 1.4 MB.
func humanSize(n int64) string {
	switch {
	case n < 1024:
		return fmt.Sprintf("%d B", n)
	case n < 1<<20:
		return fmt.Sprintf("%.1f KB", float64(n)/1024)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
