// Package output is the only package that writes the briefing packet to
// disk. It replaces the packet folder atomically (build in a temporary
// folder beside it, fsync, rename into place), writes manifest.json, guards
// the folder with a lock file so two runs never write at once, and cleans up
// after a run that was killed part-way.
//
// The on-disk names beside an out folder named "packet" are:
//
//	packet.lock                 the lock file (flock); kept between runs
//	.packet.tmp-<pid>-<n>       a packet being built
//	.packet.old-<pid>-<n>       the previous packet during the swap
//	.packet.scratch-<pid>-<n>   a run's scratch folder while it renders (the
//	                            workbook library's temporary files); the run
//	                            holds an flock on it, so a killed run's is told
//	                            from a live one's
//
// Only names of exactly these forms are ever removed.
package output
