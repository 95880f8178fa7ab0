#pragma once

namespace hopscope::gui {

// Runs the desktop app: `hopscope [FILE]` opens FILE, or the built-in seed example as written.
// The theme: --theme dark|light (or HOPSCOPE_THEME), else the choice made in View (remembered),
// else the desktop's colour scheme. Options for documentation and screenshots:
// --screenshot PNG [--size WxH] grabs the window after the first check and exits.
int runDesktopApp(int argc, char **argv);

// Tunes the C library's allocator for live checking (issue 15): a re-check of a large estate
// allocates and frees buffers of several megabytes (the VPN-pool rows, the sweeps' results).
// By default glibc maps each afresh and unmaps it on free, so every check paid a page fault per
// 4 KiB touched (8% of a 1,000-VNet re-check). Freed memory is kept for reuse instead. Called
// by runDesktopApp; the GUI benchmark calls it too, to measure what the app does.
void tuneAllocatorForLiveChecking();

// Applies Fusion with a dark palette (true) or the platform's look (false).
void applyTheme(bool dark);

// Whether the desktop asks for a dark colour scheme: Qt's colour-scheme hint where Qt has one
// (6.5 and later), else the lightness of the palette the platform gave the application before
// any applyTheme().
bool desktopPrefersDark();
// Whether the application's palette is dark now.
bool darkThemeApplied();

} // namespace hopscope::gui
