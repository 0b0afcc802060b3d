/* mask_text: a citizen's free text as it may leave the center. */
#include <stdlib.h>
#include <string.h>

#include "jrc/mask.h"
#include "tap.h"

static void check(const char *text, const char *const *names, const char *want, const char *what)
{
	char *got = mask_text(text, names);

	is_str(got, want, "%s", what);
	free(got);
}

int main(void)
{
	static const char *const zhang[] = { "张三丰", NULL };
	static const char *const one[] = { "李", NULL };

	check("", NULL, "", "empty text");
	check("包工头欠我工资 8000 元", NULL, "包工头欠我工资 8000 元", "short numbers stay");
	check("我张三丰在工地干活，张三丰的工资", zhang, "我张**在工地干活，张**的工资",
	      "the case's own name, every time");
	check("三丰说，张三丰", zhang, "**说，张**", "... and its given name alone");
	check("李家的地", one, "李家的地", "a one-character name is not hunted");
	check("我叫王小明，今年六十", NULL, "我叫王**，今年六十", "a name after 我叫");
	check("姓名：赵六", NULL, "姓名：赵**", "a name after 姓名");
	check("我叫张三丰。", zhang, "我叫张**。", "the own name after 我叫 is masked once");
	check("身份证330726198001010017号", NULL, "身份证330726********0017号",
	      "an 18-digit ID number");
	check("ID 33072619800101001X.", NULL, "ID 330726********001X.", "an ID number ending in X");
	check("ID 33072619800101001x", NULL, "ID 330726********001X", "... or x");
	check("老证330726800101001", NULL, "老证330726********1001", "a 15-digit old ID number");
	check("电话13812345678", NULL, "电话138****5678", "a mobile");
	check("电话138 1234 5678", NULL, "电话138****5678", "a mobile in groups");
	check("电话138-1234-5678", NULL, "电话138****5678", "a mobile with dashes");
	check("电话+8613812345678", NULL, "电话+86138****5678", "a mobile after +86");
	check("电话\xEF\xBC\x91\xEF\xBC\x93\xEF\xBC\x98\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93"
	      "\xEF\xBC\x94\xEF\xBC\x95\xEF\xBC\x96\xEF\xBC\x97\xEF\xBC\x98", NULL,
	      "电话138****5678", "a mobile in full-width digits");
	check("座机0579-84123456", NULL, "座机0579-****3456", "a landline");
	check("座机057984123456", NULL, "座机0579-****3456", "a landline without a dash");
	check("北京010-62344123", NULL, "北京010-****4123", "a 3-digit area code");
	check("座机84123456", NULL, "座机****3456", "a local number");
	check("卡号6222021234567890123", NULL, "卡号***************0123", "a bank card");
	check("卡号6222 0212 3456 7890 123", NULL, "卡号***************0123", "a bank card in groups");
	check("2026-11-29 起", NULL, "2026-11-29 起", "a date stays");
	check("欠款 120000 元", NULL, "欠款 120000 元", "an amount of 6 digits stays");
	check("我叫", NULL, "我叫", "an introducing word at the end");
	check("我叫李", NULL, "我叫李", "one character after it is not a name");
	check("编号 12-34 号", NULL, "编号 12-34 号", "short groups stay");
	check("号码1234567-", NULL, "号码***4567-", "a separator at the end stays");
	check("1111111111222222222233333333334444444444555555555566666666667777777777", NULL,
	      "**********************************************************************",
	      "a run longer than any identifier is all stars");
	check("\xff\xfe" "13812345678", NULL, "\xff\xfe" "138****5678", "bytes that are not UTF-8 pass");
	return done();
}
