#pragma once

namespace hopscope::gui {

// Runs the desktop app: `hopscope [FILE]` opens FILE, or the built-in seed example as written.
// Options (for documentation and screenshots): --theme dark|light (or HOPSCOPE_THEME),
// --screenshot PNG [--size WxH] grabs the window after the first check and exits.
int runDesktopApp(int argc, char **argv);

// Applies Fusion with a dark palette (true) or the platform's look (false).
void applyTheme(bool dark);

} // namespace hopscope::gui
