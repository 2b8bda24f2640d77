"""Chinese surnames (the common single-character ones and the compound
ones) and the words that may follow a personal name in news prose."""

from __future__ import annotations

SINGLE_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴"
    "霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑"
    "景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
    "官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖"
    "漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹"
    "诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
)

COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 端木 西门 南宫 独孤 呼延 "
    "百里 东郭 申屠 万俟 闻人 赫连 澹台 公冶 太叔 宗政 濮阳 钟离 仲孙 单于 司空 第五".split()
)

# Words that may directly follow a name (the name ends before them).
NAME_FOLLOWERS = tuple(sorted(set("""
在 说 讲 称 指出 强调 要求 表示 介绍 主持 出席 参加 陪同 调研 到 来 赴 深入 带领 带队 率 率队 一行 等 代表 宣布
走进 同志 先后 首先 随后 对 就 向 与 和 及 也 还 一同 分别 看望 慰问 听取 会见 考察 视察 召开 作 为 是 现场
前往 来到 专程 详细 认真 充分 希望 提出 指示 批示 寄语 答 回答 坦言 告诉 认为 透露 感慨 发表 致辞 讲话 主讲
则 又 亦 带 领 率领 检查 督导 督查 察看 查看 走访 实地 深入到 莅临 先 同 跟 给 被 把 将 以 已 曾 正 就此
接受 签署 签订 参观 观摩 了解 部署 点评 总结 传达 通报 宣读 颁发 颁奖 揭牌 剪彩 任 兼 担任 当选 获得 荣获
""".split()), key=len, reverse=True))

# Characters that never occur inside a person's name.
NOT_IN_NAME = frozenset("的了在是和与及等、，。；：！？“”‘’（）《》 \n0123456789年月日县市区镇乡村省委局")
