/* The citizen kiosk: the engine with the home screen at the bottom. */
#include "screens.h"
#include "ui.h"

int ui_run_kiosk(const ui_options *opt)
{
	ui_options o = *opt;

	o.with_voice = 1;
	return ui_run(&o, &scr_home_ops, NULL);
}
