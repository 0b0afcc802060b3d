/* The citizen kiosk: the engine with the home screen at the bottom. */
#include "screens.h"
#include "ui.h"

int ui_run_kiosk(const ui_options *opt)
{
	return ui_run(opt, &scr_home_ops, NULL);
}
