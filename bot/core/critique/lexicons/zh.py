"""Simplified Chinese: camera language as Chinese film crews and video-model guides write it.

Chinese has no spaces, so every cue matches on characters. The single-character camera moves
推 拉 摇 移 跟 升 降 are ordinary verbs too (推开门 "pushes the door open", 拉着手 "holding
hands"), so they count only after a camera word in the same clause (镜头缓缓推进, 摄像机向左
摇) or inside a fixed camera compound (推镜头, 跟拍, 环绕拍摄); otherwise they are actions.
"""

from __future__ import annotations

from bot.core.critique.components import Component as C
from bot.core.critique.lexicon import Cue
from bot.core.critique.lexicons import NativeLexicon, Subject

_CLAUSE = r"[^，。,.；;！!？?\n、]"
"""Any character that stays inside one clause."""
_CAM = r"(?:镜头|摄像机|摄影机|相机|机位|运镜|视角|画面|镜头画面|摄像头)"
"""The camera as the subject of a move."""
_GAP = _CLAUSE + r"{0,8}?"


def _cam(verbs: str) -> str:
    """A camera word, then (in the same clause) one of `verbs`: 镜头缓缓向前推进."""
    return _CAM + _GAP + r"(?:" + verbs + r")[进近向至入远开出起动]?"


CAMERA: list[Cue] = [
    # a point of view named by whose eyes it is ("以孩子的视角", "透过猫的眼睛")
    Cue(r"(?:以|从|透过|通过|用)[\u4e00-\u9fff]{1,6}?的?(?:视角|视线|眼睛|目光|眼中)", move="fpv",
        strength=0.9),
    Cue(r"固定镜头|固定机位|固定视角|镜头(?:保持)?(?:静止|固定|不动)|静止镜头|定镜|三脚架|"
        r"机位(?:固定|不动)|镜头始终不动", move="static"),
    Cue(r"甩镜头?|急摇|快速摇镜", move="whip_pan"),
    Cue(r"希区柯克变焦|滑动变焦|推拉变焦", move="zoom_out"),
    Cue(_cam(r"向前推进|推进|推近|推向|推至|前推|缓推|慢推|推入|逼近|靠近|拉近|向前移动|前移|"
             r"向前|前进|贴近|推") + r"|推镜头|推镜|推进镜头|镜头推进|缓慢推进|缓缓推进|"
        r"(?:缓缓|缓慢|慢慢|逐渐|快速)(?:地)?(?:推(?:进|近)|上推|前推|拉近)", move="dolly_in"),
    Cue(_cam(r"向后拉|拉远|后拉|拉开|后退|远离|向后移动|后移|拉出|拉") + r"|拉镜头|拉镜|"
        r"镜头拉远|(?:缓缓|缓慢|慢慢|逐渐)(?:地)?(?:拉远|拉开(?=[，。,.；;！!？?\n]|$|到|至))",
        move="dolly_out"),
    Cue(_cam(r"向左摇|左摇|向左平摇|向左转") + r"|从右向左摇", move="pan_left"),
    Cue(_cam(r"向右摇|右摇|向右平摇|向右转|摇|平摇|横摇|扫过|环视|转向|转动") +
        r"|摇镜头|摇镜|摇摄|横摇镜头|从左向右摇", move="pan_right"),
    Cue(_cam(r"上摇|向上摇|仰起|抬起|抬升|向上倾斜|上抬"), move="tilt_up"),
    Cue(_cam(r"下摇|向下摇|俯下|向下倾斜|下压"), move="tilt_down"),
    Cue(_cam(r"向左移|左移|向左平移|向左横移") , move="truck_left"),
    Cue(_cam(r"向右移|右移|平移|横移|侧移|移动|移") + r"|移镜头|移动镜头|横移镜头|平移镜头",
        move="truck_right"),
    Cue(_cam(r"跟随|跟着|跟拍|追随|追踪|跟踪|紧跟|尾随|跟") + r"|跟镜头|跟拍|跟随拍摄|跟随镜头|"
        r"跟踪拍摄|追踪镜头|跟踪镜头|追拍|跟焦跟拍", move="tracking"),
    Cue(_cam(r"上升|升起|升高|向上升|拔高|升") + r"|升镜头|升降镜头|摇臂(?:镜头|拍摄)?|"
        r"镜头缓缓升起", move="crane_up"),
    Cue(_cam(r"下降|降低|下落|下沉|俯冲|降") + r"|降镜头", move="crane_down"),
    Cue(_cam(r"环绕|围绕|绕着|旋转|绕|盘旋") + r"|环绕(?:拍摄|镜头|运镜|运动)|360度环绕|"
        r"360°环绕|环拍|环绕着?(?:主体|人物|他|她)(?:拍摄|旋转)", move="orbit"),
    Cue(_cam(r"放大|变焦|缩放|推焦") + r"|变焦(?:镜头)?|(?:快速|缓慢|缓缓)?(?:放大|缩小)画面|"
        r"zoom", move="zoom_in"),
    Cue(r"航拍|无人机(?:航拍|拍摄|视角|镜头|俯拍|跟拍)|空中(?:俯瞰|俯拍|视角|镜头)|鸟瞰(?:视角|镜头)?|"
        r"高空俯瞰", move="aerial"),
    Cue(r"手持(?:镜头|拍摄|摄影|摄像|跟拍|运镜|(?:轻微|微微|轻轻)?(?:晃动|抖动)|微晃|轻晃|微抖)|手持感|晃动的镜头|"
        # the camera shaking, however hard (镜头剧烈抖动, 镜头轻微晃动)
        r"镜头(?:剧烈|轻微|微微|轻轻|不停|不断|略微|明显|持续)?地?(?:晃动|抖动|摇晃|颤动|震动)|"
        r"纪实跟拍", move="handheld"),
    Cue(r"第一人称(?:视角)?|主观(?:视角|镜头)|POV(?:视角|镜头)?|FPV(?:视角|镜头)?|穿越机",
        move="fpv"),
    Cue(r"焦点(?:从\S{1,6}?)?(?:转移|切换)|移焦|跟焦", move="rack_focus"),
    # the camera's movement named as such, with how it goes (运镜稳定而平滑, 运镜流畅)
    Cue(r"运镜(?:很|非常|十分|始终|保持)?(?:稳定|平滑|流畅|平稳|顺滑|丝滑|缓慢|舒缓|灵动|自然|快速)(?:而|且|、|又)?(?:稳定|平滑|流畅|平稳|顺滑|丝滑|缓慢|舒缓|灵动|自然)?"),
    # angles, heights and points of view: the camera's, with no move
    Cue(r"俯拍|俯视(?:角度?|视角|镜头)?|俯瞰(?:视角|镜头)?|仰拍|仰视(?:角度?|视角|镜头)?|仰角(?:镜头)?|"
        r"低角度(?:拍摄|镜头|仰拍)?|高角度(?:拍摄|镜头|俯拍)?|低机位|高机位|平视(?:角度|视角|镜头)?|"
        r"顶视(?:角|图)?|正上方(?:俯拍|拍摄|视角)|从上方(?:俯拍|拍摄)?|从(?:下|上)往(?:上|下)拍|"
        r"过肩镜头|过肩(?:拍摄|视角)|侧面(?:拍摄|视角|镜头)|正面(?:拍摄|视角|镜头)|背面(?:拍摄|视角)|"
        r"荷兰角|倾斜(?:镜头|构图)|斜角镜头|鱼眼视角|视平线|与(?:眼睛|视线)齐平|上帝视角|"
        r"监控视角|镜头(?:对准|从)|顶拍|侧拍|背拍|斜拍|低机位仰拍|稳定器(?:拍摄|跟拍)?|"
        r"轨道(?:镜头|拍摄)|滑轨(?:镜头|拍摄)?|360度旋转(?:镜头|拍摄)?"),
]

SHOT: list[Cue] = [
    Cue(r"大特写|超特写|极致特写|特写(?:镜头)?|面部特写|局部特写|细节特写|近景(?:特写|镜头)?|"
        r"中近景|中景(?:镜头)?|中远景|全景(?:镜头)?|大全景|远景(?:镜头)?|大远景|全身(?:镜头|照|构图)|"
        r"半身(?:镜头|像|构图)?|全身(?!心)|(?:室内|室外|人物|环境|近距离)?肖像(?!画|权)(?:照|镜头|构图)?|胸部以上|膝盖以上|双人镜头|双人中景|群像|建立镜头|定场镜头|"
        r"广角(?:镜头|全景)|宽画幅|近距离(?:拍摄|镜头|特写)?|微距(?:镜头|特写|拍摄)|"
        r"(?:人物|主体)(?:居中|位于画面)|对称构图|三分法构图|中心构图"),
    # (a bare 构图, "composition", is no size or framing: 电影级构图, 动态动作构图, 倾斜构图 an angle)
]

LENS: list[Cue] = [
    Cue(r"广角(?:镜头)?|超广角|长焦(?:镜头)?|望远镜头|微距(?:镜头)?|鱼眼(?:镜头)?|"
        r"变形宽银幕|宽银幕|电影镜头|\d+\s?(?:mm|毫米)(?:镜头)?|浅景深|大光圈|景深|背景虚化|虚化|"
        r"焦外|散景|柔焦|失焦|对焦|焦点|移轴|前景虚化|模糊的背景|背景模糊"),
]

LIGHTING: list[Cue] = [
    Cue(r"逆光|侧光|顺光|顶光|底光|背光|侧逆光|轮廓光|边缘光|伦勃朗光|自然光|柔光|硬光|散射光|"
        r"漫射光|主光|补光|打光|光线|光影|光束|丁达尔(?:效应|光)?|体积光|暖光|冷光|冷暖光|光晕|"
        r"光斑|光芒|阳光|日光|月光|灯光|霓虹(?:灯|灯光|光)?|烛光|火光|晨光|曙光|夕阳|落日|日落|"
        r"日出|朝阳|余晖|晚霞|朝霞|黄昏|傍晚|黎明|清晨|拂晓|夜晚|夜间|夜色|深夜|午夜|夜里|夜幕|"
        r"入夜|夜景|星空|星光|月色|黄金时刻|黄金时段|黄金时间|魔幻时刻|蓝调时刻|阴天|多云|"
        r"阴影|剪影|昏暗|明亮|明暗对比|高光|街灯|路灯|闪电|聚光灯|舞台灯光|荧光|台灯|窗光|"
        r"窗外(?:的)?光|光照|照射|照亮|照耀|映照|洒(?:下|在|落|满)|投下|透过\S{0,6}?(?:洒|照|射)|"
        r"[一几]?束光|追光|光(?:从|透过)[\u4e00-\u9fff]{1,6}?(?:打|照|洒|射|透)[\u4e00-\u9fff]{0,2}|"
        r"午后|正午|中午|白天|白昼|晴天|晴朗|阳光明媚|烈日|暮色|霞光|天光|微光|幽光|冷色光|"
        r"暖色光|橙色光|蓝色光|[雨月寒冬星]夜|早晨|早上|清早|灯泡|灯笼|灯盏|蜡烛|油灯|吊灯|壁灯|火把|篝火|营火|"
        r"金色(?:的)?(?:阳光|光线|光芒|光)|光源|电影(?:级|感)?(?:打光|光线|布光)|"
        r"布光|低调光|高调光|氛围光"),
]

COLOR: list[Cue] = [
    Cue(r"[\u4e00-\u9fff]{1,3}色调|色彩|配色|调色|色调|黑白(?!相间|花|条纹|格|分明)|单色|"
        r"高饱和(?:度)?|低饱和(?:度)?|饱和度|莫兰迪色|复古色|胶片色(?:调|彩)?|色温|"
        r"(?:暖|冷)色系|撞色|高对比度|低对比度|对比度|青橙|赛博(?:朋克)?色彩|马卡龙色|"
        r"[\u4e00-\u9fff]{1,2}与[\u4e00-\u9fff]{1,2}的(?:配色|色调|对比)|色彩(?:鲜艳|丰富|柔和)"),
]

STYLE: list[Cue] = [
    Cue(r"电影感|电影级|电影质感|电影风格|电影画面|电影镜头感|大片(?:感|质感)?|纪录片(?:风格)?|"
        r"动漫(?:风格)?|动画(?:风格)?|日系|日漫|国漫|赛博朋克|蒸汽朋克|写实(?:风格)?|超写实|"
        r"真实感|逼真|水墨(?:画|风格)?|水彩(?:画|风格)?|油画(?:风格|质感)?|素描|像素(?:风格|艺术)|"
        r"3D(?:动画|风格|渲染)?|三维|皮克斯|吉卜力|宫崎骏|新海诚|王家卫|复古|胶片(?:感|质感)|"
        r"颗粒感|梦幻|唯美|浪漫|温馨|治愈|史诗(?:感|级)?|壮观|壮丽|神秘|诡异|恐怖|悬疑|科幻|奇幻|"
        r"未来感|未来主义|极简(?:主义|风格)?|[\u4e00-\u9fff]{1,4}风格|[\u4e00-\u9fff]{1,4}风(?=[，。,.；;\s]|$)|"
        r"氛围感?|质感|宁静|静谧|孤独|忧郁|欢快|紧张|震撼|广告片|商业广告|宣传片|MV|武侠|古风|"
        r"国风|中国风|仙侠|童话|超现实|抽象|黏土动画|定格动画|剪纸|漫画|插画|卡通|欧美风|港风|"
        r"怀旧|温暖|压抑|肃穆|庄严|热血|轻松|幽默|安详|祥和|朦胧|清新|高级感|情绪|写意|意境|"
        r"风格化|黑色电影|末日|废土"),
]

_PLACES = (r"森林|树林|竹林|雨林|丛林|城市|都市|街道|街头|街上|街角|小巷|巷子|胡同|海边|海滩|沙滩|"
           r"海面|海上|海底|海洋|大海|山顶|山间|山谷|山坡|雪山|高山|群山|草原|草地|草坪|沙漠|湖边|"
           r"湖面|湖畔|河边|河畔|溪边|公园|花园|庭院|院子|厨房|房间|卧室|客厅|书房|咖啡馆|咖啡厅|"
           r"餐厅|酒吧|办公室|教室|舞台|太空|宇宙|外太空|城堡|寺庙|古镇|乡村|村庄|田野|麦田|稻田|"
           r"花海|峡谷|瀑布|天空|云端|云层|屋顶|天台|地铁|车站|火车站|机场|港口|码头|桥上|废墟|"
           r"实验室|工作室|摄影棚|图书馆|商场|市场|夜市|雪地|冰原|小镇|东京|上海|北京|纽约|巴黎|"
           r"香港|重庆|江南|校园|操场|体育场|球场|赛道|公路|高速公路|马路|隧道|洞穴|岛屿|海岛|"
           r"悬崖|岸边|水中|水下|水面|室内|室外|户外|阳台|窗边|窗前|床上|桌上|桌面|餐桌|吧台|"
           r"走廊|大厅|教堂|宫殿|古堡|赛博城市|霓虹街道|荒野|原野|戈壁|冰川|火山|月球|火星")

SETTING: list[Cue] = [
    Cue(r"(?:在|于|从|穿过|走过|置身于?|站在|坐在|躺在|漫步在|行走在|奔跑在|飞过|穿梭于|来到)" +
        _CLAUSE + r"{0,10}?(?:" + _PLACES + r")(?:里|中|上|下|旁|边|前|内|外|之中|之上|深处|附近)?"),
    Cue(r"(?:" + _PLACES + r")(?:里|中|上|下|旁|边|前|内|之中|深处|附近)?", strength=0.6),
    Cue(r"(?:在|于)" + _CLAUSE + r"{1,8}?(?:里|中|上|下|旁|边|前|内|之中|之上|深处|附近)", strength=0.5),
]

_MOVE_VERB = (r"(?:走|跑|奔|跳|蹦|飞|游|爬|滑|滚|落|坠|降|升|浮|漂|飘|流|淌|涌|泻|转|旋|摇|晃|摆|"
               r"动|移|冲|扑|驶|开|骑|划|舞|踏|迈|溜|掠|荡|翻|扭|挥|甩|抖|颤|窜|穿|掠|钻|"
               r"喷|吹|洒|倒|抬|伸|举|推|拉|站起|坐下|躺下|蹲下|跪下|弯|眨|张开|展开|合上|点头|摇头|回头|"
               r"转身|飞快|行进|前进|后退|航行|巡游|靠近|离开|远去|散开|盘旋|跃|踢|拍打|摆动|"
               # two-character verbs of going whose first character is no movement above
               r"行走|行驶|步行|散步|漫步|踱步|徘徊|穿梭|翱翔|游弋)")
"""Verbs of movement: an adverb counts as manner when one of them follows (慢慢走, 静静流淌)."""
_MOTION_NOUN = r"(?:动作|步伐|脚步|步子|舞步|身姿|身法|姿态|移动|运动|奔跑|飞行|旋转|摆动|飘动|流动|下落)"
"""Nouns of movement: "轻盈的舞步" is manner, "快速的剪辑" or "优雅的舞者" is not."""
_MANNER_MORPHEMES = {
    "疾": "驰奔行冲",              # swift: 疾驰, 疾行
    "狂": "奔舞飙",                # wild: 狂奔, 狂舞
    "急": "驰冲转停刹坠旋",        # sudden: 急转, 急停
    "缓": "行降升落移步流",        # slow: 缓行, 缓降
    "轻": "动摆舞摇晃颤跃踏拂",    # light: 轻动, 轻摆
    "微": "动颤晃摆摇扬倾",        # slight: 微动, 微颤
    "猛": "冲扑跳跃转踩",          # forceful: 猛冲, 猛扑
    "快": "步跑走",                # quick: 快步, 快跑
    "小": "跑",                    # small steps, quick: 小跑 (小步 is listed)
    "慢": "走步",                  # slow: 慢走, 慢步 (慢跑 is jogging, an activity)
    # a movement morpheme that is itself the manner of another: 飞 "as fast as flying" (飞驰,
    # 飞奔), 滑 "gliding, no steps" (滑行, 滑翔), 翱 "soaring on still wings" (翱翔)
    "飞": "驰奔掠",                # swift as flight: 飞驰, 飞奔, 飞掠
    "滑": "行翔",                  # gliding: 滑行, 滑翔
    "翱": "翔",                    # soaring: 翱翔
}
"""A manner morpheme and the movement morphemes it makes one verb with (generated into a cue)."""


def _manner_compounds() -> str:
    # not the second half of another word: 轻微晃动 is 轻微 + 晃动 (said of the picture above);
    # nor the first half of a noun: a machine, a wing, a way or a person named after the
    # movement (滑翔伞, 滑翔机, 滑行道, 飞驰者) is a thing, not a movement
    return r"(?<![轻稍略细微年减看缓愉痛畅爽欢凉赶加尽很])(?:" + "|".join(
        f"{head}[{tails}]" for head, tails in _MANNER_MORPHEMES.items()) + r")(?![伞机翼道员者器])"


_SWAY = r"摇晃|晃动|晃悠|摇摆|抖动|弹跳|跳动|蹦跳|翻腾|飘摇|颠簸"
"""Verbs of a body that sways, shakes or bounces: physics when wind or water moves it (MOTION)."""
_LOCOMOTION = (r"(?:冲|扑|飞|奔|跑|跳|蹦|窜|掠|闪过|闪进|闪出|滑|游|爬|滚|坠|跃|飘|荡|钻|逃|溜|"
               r"旋转|翻滚|穿梭|划过|扫过|落下|倒下|砸)")
"""Verbs of a body going somewhere or falling (冲, 扑, 飘, 坠): what a simile with no 像 before it
is said of when it tells a movement's manner, not a style (展开, 流动, 动人)."""
_NOT_MANNER_A = r"[笑乐喜气怒泪眼傻胖亮红黑白绿蓝黄金灰紫香热暖冷凉甜酸美乱脏湿油]"
"""The A of an ABB word that tells a look, a feeling, a colour, a light, a temperature or a
smell (笑眯眯, 气冲冲, 红彤彤, 亮晶晶, 暖洋洋, 香喷喷): no manner of moving."""
_NOT_MANNER_RAN = (r"当然|依然|偶然|必然|全然|显然|果然|居然|竟然|虽然|既然|仍然|突然|忽然|骤然|"
                   r"毅然|欣然|愕然|茫然|惘然|黯然|俨然|宛然|蓦然|赫然|天然|已然|未然|井然|公然|"
                   r"断然|贸然|悍然|安然|泰然|坦然|漠然|默然|怅然|凄然|恍然|哗然|愀然|豁然|"
                   # 自然 is read as a manner adjective above, with its own guards (自然流露)
                   r"自然")
"""Adverbs in 然 of logic, chance, suddenness, a feeling or a bearing (当然, 果然, 突然, 欣然,
茫然, 泰然): none says how a body moves."""
_NOT_ATTRIBUTE = (r"(?!的(?!" + _MOTION_NOUN + r"|" + _MOVE_VERB
                  + r"(?![者员手家台厅会场姿蹈])))")
"""A manner word that qualifies a noun with 的 describes the noun, not how anything moves;
before a verb, 的 is the colloquial spelling of 地 (慢慢的喷出)."""

DEGREE_COMPLEMENT = (r"得(?:很|非常|十分|极|特别|越来越|更|太|如此|那么|这么|格外)?"
                     r"(?:飞快|快|慢|缓慢|轻快|轻盈|稳|平稳|急|猛|高|远|轻|沉重|从容|优雅|自然|流畅|"
                     r"踉跄|吃力|艰难|有力|灵活|迅速|匆忙)")
"""A degree complement of speed, weight or ease (得飞快, 得很慢): said after a verb of movement,
its manner (跑得飞快; the grammar reader also takes the dictionary's verbs, 盘旋得很慢)."""
ADVERBIAL_DI = (r"(?![在于从到的和与把被向往朝])(?:(?<!" + _NOT_MANNER_A + r")|(?!(?P<zb>[\u4e00-\u9fff])"
                r"(?P=zb)))[\u4e00-\u9fff]"
                r"(?<![草雪土大陆场田山林湿高平盆腹各此原当本外内实境天园空墓圣胜产质遍满落着倒就席营基工])"
                r"[\u4e00-\u9fff](?<![草雪土陆场田山林湿高平盆腹各此原当本外内实境天园空墓圣胜产质遍满落着倒就席营基工])地")
"""A two-character adverbial + 地 (安静地, 轻巧地): not a preposition's object, not an ABB of a
face or a feeling (笑眯眯地), not the ground after a place word (草地, 在雪地)."""
MOVE_VERB = _MOVE_VERB
"""The hand list of verbs of movement, for the grammar reader (bot.core.critique.native_manner)
that also reads the dictionary's (moving_verbs_zh.txt)."""

_NOT_IN_AN_ATTRIBUTE = (r"(?!地?(?!" + _MOVE_VERB + r")(?:(?![的地])[\u4e00-\u9fff]){1,2}的(?!"
                        + _MOTION_NOUN + r"|" + _MOVE_VERB + r"))")
"""Not the degree or manner of a state said inside a noun phrase (微微卷曲的长发 "slightly
curled hair", 微微倾斜的屋顶 "a slightly tilted roof"): it describes the thing, as an adjective
does; of a movement it is still one (轻轻摇摆的树枝)."""

MOTION: list[Cue] = [
    # Manner of moving only: words as often said of light, sound or mood (静静, 渐渐, 平稳,
    # 流畅, 起伏 of hills) are left out, unless a verb of movement follows (below).
    Cue(r"(?:奋力|全力|拼命|使劲|竭力|疾驰|猛地|猛然|"
        r"优雅地?|轻盈(?:地)?|稳稳地|"
        # a speed said of a moving subject (高速滑行, 全速前进, 匀速运动), not of a camera, a
        # shutter or a growth (高速摄影机, 高速快门, 高速发展)
        r"(?:高速|急速|匀速|飞速|全速)(?=地?[东西南北上下左右前后]?(?:" + _MOVE_VERB + r"|"
        + _MOTION_NOUN[3:-1] + r")|的(?:" + _MOTION_NOUN[3:-1] + r"))|慢动作|慢镜头|慢速(?:播放|回放|镜头)|"
        # a capture that slows the movement down, as slow motion does: bullet time, overcranking
        r"子弹时间|升格(?:拍摄|镜头|慢放|画面|效果)|高帧率(?:拍摄|慢放|摄影)|动作(?:流畅|自然|缓慢|轻柔)|重重地|狠狠地|"
        r"有力地|灵活地|灵巧地|敏捷地|笨拙地|用力|轻快地?|缓步|疾步|大步|小步|一跃而起|纵身一跃|"
        r"(?:缓慢|迅速|快速|飞快|轻盈|优雅|灵巧|敏捷|笨拙|平稳|轻柔|匆忙|从容|悠然|悠闲|"
        r"缓缓|慢慢|轻轻|徐徐|稳稳|重重|猛烈|剧烈|疯狂|欢快|轻快|缓步)地)" + _NOT_ATTRIBUTE),
    # the bare adverbs of degree and pace, but inside an attribute (微微卷曲的长发)
    Cue(r"(?:微微|稍稍|缓缓|缓慢|慢慢|轻轻|徐徐|匆匆|迅速|快速|飞快)" + _NOT_ATTRIBUTE
        + _NOT_IN_AN_ATTRIBUTE),
    # Manner by grammar. A degree complement after a verb of movement (跑得飞快, 走得很慢); a
    # reduplicated adverb (AA or AABB, 静静流淌, 蹦蹦跳跳地走) right before a verb of movement.
    # Not a verb + 而 + a direction (飞流直下, 倾泻而下): said of a waterfall or a road, the
    # labelled sets count it as where things go, not how.
    Cue(_MOVE_VERB + DEGREE_COMPLEMENT),
    Cue(r"(?!渐渐|刚刚|常常|天天|人人|处处|星星|闪闪|亮亮|明明|稍稍|微微|纷纷|一一|频频|连连|"
        r"默默|远远|早早|深深|好好|久久|时时|隐隐|紧紧|统统|偏偏|恰恰|仅仅|往往|渐渐|片片|阵阵|"
        r"点点|朵朵|层层|丝丝|团团|声声|条条|个个|只只|颗颗|滴滴|缕缕|串串|排排|行行|家家|户户|"
        r"年年|日日|夜夜|"
        # nouns said twice (a closed class): kinship terms and the nursery names of a baby, a
        # doll or a pet (妈妈走进厨房, 宝宝爬向玩具, 狗狗飞奔过来) are who moves, not how
        r"妈妈|爸爸|哥哥|姐姐|弟弟|妹妹|爷爷|奶奶|姥姥|公公|婆婆|叔叔|伯伯|舅舅|姑姑|婶婶|嫂嫂|"
        r"太太|宝宝|娃娃|狗狗|猫猫|兔兔|鸭鸭|鱼鱼|虫虫|猴猴|猪猪)"
        # the BB of an ABB whose A is a face, a feeling, a colour, a light, a warmth or a
        # smell (笑眯眯, 气冲冲, 红彤彤, 亮晶晶, 暖洋洋, 香喷喷) says how the one moving looks
        # or feels, not how it moves (慢吞吞, 轻飘飘, 晃悠悠 do)
        r"(?<!" + _NOT_MANNER_A + r")"
        r"(?P<zr>[\u4e00-\u9fff])(?P=zr)(?:(?P<zs>[\u4e00-\u9fff])(?P=zs))?地?"
        r"(?=[东西南北上下左右前后]?" + _MOVE_VERB + r")"),
    # a four-character idiom of the form ABAC before a verb of movement (大摇大摆地走进,
    # 一瘸一拐地走, 轻手轻脚地溜进, 不紧不慢地走): the form itself is a manner adverbial
    Cue(r"(?P<za>[\u4e00-\u9fff])(?![的地])[\u4e00-\u9fff](?P=za)(?![的地])[\u4e00-\u9fff]地?"
        r"(?=[东西南北上下左右前后]?" + _MOVE_VERB + r")"),
    # any two-character adverbial + 地 before a verb of movement (安静地游动, 专注地吃 is not);
    # 地 after a place word is the ground (草地, 在雪地)
    Cue(ADVERBIAL_DI + r"(?=[东西南北上下左右前后]?" + _MOVE_VERB + r")|(?:突然|忽然|猛然|骤然)(?="
        + _MOVE_VERB + r"|加速|减速)"),
    Cue(r"速度感|(?:极快|飞快|惊人|缓慢|很快|很慢)的速度|加速|减速|放慢|慢放"),
    # an adverb in 然 said of a verb of movement (轰然倒下, 悄然溜进, 飘然而下), but those of
    # logic, chance, suddenness (read above) or a feeling (当然, 果然, 突然, 欣然, 茫然)
    Cue(r"(?!" + _NOT_MANNER_RAN + r")[\u4e00-\u9fff]然地?(?=[东西南北上下左右前后而]?"
        + _MOVE_VERB + r")"),
    # the movement as a topic and its manner as the predicate: 动作干净利落, 步伐沉重
    # (not a posture, 姿态自然: a body at rest)
    Cue(r"(?:动作|步伐|脚步|步子|舞步|身法|移动|运动|奔跑|飞行|旋转|摆动|飘动|流动|下落)"
        r"(?:很|非常|十分|极其|极为|更加|格外|显得|略显|都)?"
        # (a pair joined by 而/又/且, 动作机械而僵硬, either half listed)
        r"(?:[\u4e00-\u9fff]{2}(?:而|又|且))?(?:干净利落|利落|流畅|"
        r"自然|缓慢|轻柔|轻盈|优雅|敏捷|迅速|有力|灵活|笨拙|僵硬|夸张|舒展|平稳|稳健|矫健|轻快|"
        r"沉重|迟缓|急促|飘逸|连贯|顺滑|灵动)"
        # or a simile as the predicate (动作如行云流水, 步伐像猫一样轻)
        r"|(?:动作|步伐|脚步|步子|舞步|身法|身姿)(?:如同|犹如|宛如|仿佛|好似|好像|像|如|似)"
        r"[^，。,.；;！!？?\n、]{1,8}?(?:一样|一般|般|似的|(?=[，。,.；;！!？?\n、]|$))"),
    # A verb whose first character is its manner: 狂奔, 疾行, 缓降, 轻摆, 微颤, 猛扑 (a speed,
    # weight or force morpheme + a movement morpheme, generated from _MANNER_MORPHEMES), and
    # one whose first movement morpheme is the second's manner (飞驰, 滑翔, 翱翔). A pace with
    # no speed or force in it (漫步, 散步: an activity) is left out.
    Cue(_manner_compounds()),
    # A manner adjective straight before a verb of movement, no 地 (自然转身, 优雅旋转, 平稳滑行);
    # not 自然流露 (an expression) nor one before a verb of the camera (a camera span claims it)
    Cue(r"(?:自然|优雅|轻盈|平稳|从容|悠然|悠闲|轻柔|猛烈|剧烈|欢快|轻快|灵活|敏捷|笨拙|匆忙|"
        r"缓慢|迅速|快速|急速|飞速|稳健|吃力|艰难|踉跄|蹒跚|翩然|飘然|悠悠|款款|慵懒|懒洋洋)"
        r"(?=[东西南北上下左右前后]?" + _MOVE_VERB + r")(?!流露|流畅)"),
    # A simile said of a movement: 像专业游泳运动员一样划过波浪, 如同羽毛般飘落, 仿佛幽灵似的滑过
    # (像孩子一样笑 is said of a laugh, no movement: not motion)
    Cue(r"(?:像|如同|仿佛|好像|宛如|犹如|好似)[^，。,；;！？!?、]{1,12}?(?:一样|一般|般|似的)地?"
        r"(?=[东西南北上下左右前后]?" + _MOVE_VERB + r")"),
    # the same simile with no "like" before it, only 般 or 似的 after the image (闪电般冲出,
    # 风驰电掣般掠过, 幽灵似的飘过), said of a body going somewhere: without 像 the image is
    # as often a style (史诗般展开的故事, 油画般流动的色彩, 史诗般动人); not 一般 "usually",
    # 这般/那般 "so", 百般/万般 "in every way"
    Cue(r"[\u4e00-\u9fff]{2,4}(?:(?<![一这那百万])般|似的)地?(?=[东西南北上下左右前后]?"
        + _LOCOMOTION + r")"),
    # steps taken with a word said of them (迈着沉重的步伐, 踏着轻快的脚步, 拖着疲惫的步子):
    # the manner of the walk, as 以轻快的步伐 is
    # (not a possessor's steps: 踏着前人的脚步, 跟着他的步子)
    Cue(r"(?:迈|踏|踩|拖|迈开|迈出)着?[^，。,.；;！!？?\n、的]{1,4}(?<![人们他她它我你者])的"
        r"(?:步伐|脚步|步子|舞步)"),
    Cue(r"[\u4e00-\u9fff]{1,2}(?:飞扬|飘扬|飘舞|翻飞|飞舞)|飘动|飘落|飘散|飘荡|摇曳|随风|微风(?:吹|拂)|风吹|被风吹|迎风|翻滚|溅起|水花四溅|"
        r"涟漪|波动|颤动|飞溅|四溅|扬起|激起|卷起|荡漾|轻拂|吹拂|拂过|拂动|袅袅|升腾|飘飘|翩翩|"
        # physics said of the clip, and what moves along with something (随步伐摆动)
        r"物理(?:效果|模拟|特性|规律|引擎)|真实的物理|"
        r"随着?[\u4e00-\u9fff]{1,4}?(?:摆动|飘动|晃动|起伏|摇摆|舞动|飞舞|摇曳|飘扬|律动|颤动)|"
        r"旋转着|打着旋|螺旋(?!楼梯|桨)|弧线|抛物线|惯性|重量感|重力|失重|悬浮|漂浮|弹起|回弹|"
        # 着地 is landing, not the aspect particle 着 before a noun in 地 (看着地图, 盯着地面)
        r"落地(?![窗灯镜])|着地(?![图球毯址板面铁])|"
        r"动态模糊|运动模糊|残影|涌动|此起彼伏|一圈圈|"
        r"慢悠悠|急匆匆|气喘吁吁|踉跄|摇摇晃晃|跌跌撞撞|步伐(?:轻快|沉重|稳健)|"
        # a gait on tiptoe (踮着脚尖), a sound of speed said of a movement (呼啸着驶过),
        # a speed or a weight told by a comparison (快如闪电, 疾如风, 轻如鸿毛)
        r"踮(?:着|起)脚尖?|呼啸着(?=" + _MOVE_VERB + r")|(?<!年)[快迅疾轻猛慢缓]如[\u4e00-\u9fff]{1,2}|"
        # verbs that are themselves the manner of a fall or a sway: 纷飞, 飞旋, 蹒跚
        r"纷飞|飞旋|回旋|打转|涡旋|旋涡状|呼啸而过|一闪而过|飞驰而过|颤巍巍|晃晃悠悠|摇摇摆摆|蹒跚"),
    # Physics: a thing that sways or shakes where wind or water moves it (小船在湖面上摇晃,
    # 灯笼在夜风中摇摆), or a verb that is itself the physics of a ride, a flame or the sea
    # (颠簸, 飘摇, 翻腾). A body part that shakes by itself (左手上下晃动) is a gesture, and
    # the labelled sets do not count it.
    # (a boat that rises and falls on the waves, 在波浪中上下起伏, is the same physics: 起伏
    # said of what the water carries, not of hills)
    Cue(r"(?:风|浪|波|水面上|湖面上|海面上|江面上|河面上|水中|水里|浪里|风里)(?:中|里)?"
        r"(?:轻轻|微微|轻微|不停|不断|缓缓|剧烈|上下|来回|左右|随之)?地?(?:" + _SWAY
        + r"|起伏|沉浮|浮沉)|颠簸|飘摇|翻腾|"
        # the speed of a movement as a topic with its change or degree as the predicate
        # (走路的速度越来越快, 速度逐渐放慢); said of the edit it is the pacing (NOT_MOTION)
        r"速度(?:越来越|逐渐|渐渐|慢慢|突然|变得|很|非常|极|极其|十分)?(?:快|慢|加快|放慢|放缓|减慢|"
        r"变快|变慢|提升|下降)|"
        # the weight and balance of a body that holds still on something moving (稳稳站在冲浪板上)
        r"稳稳地?(?:站|立|踩|停|落|坐)(?:在|于|住|稳)?"),
    # one movement held with 着 while another follows straight after it (翻卷着扑向岸边,
    # 摇晃着走出酒吧): the first is the manner of the second; 笑着跑 (a face) or 穿着裙子 (a
    # garment) are not, nor is 跳着舞 (the dance is what is done)
    # (the lookahead first: one or two characters and 着, cheap to fail, before the verbs)
    Cue(r"(?=[\u4e00-\u9fff]{1,2}着)(?:[\u4e00-\u9fff]?" + _MOVE_VERB + r"|" + _MOVE_VERB
        + r"[\u4e00-\u9fff])着(?=[东西南北上下左右前后]?" + _MOVE_VERB
        + r")(?!舞)"),
    # a speed stated: 以惊人的速度, 以每小时三百公里的速度冲过终点, 以极慢的节奏; and any X速
    # said of a verb of movement (疾速行驶, 极速俯冲), as 高速, 匀速 are
    Cue(r"以[^，。,；;！？!?、]{1,14}?的?(?:速度|节奏|步伐|步调)|"
        r"[\u4e00-\u9fff]速地?(?=[东西南北上下左右前后]?" + _MOVE_VERB + r")"),
]

PACING: list[Cue] = [
    Cue(r"慢动作|慢镜头|延时(?:摄影|拍摄)?|缩时(?:摄影)?|快进|快放|实时|一镜到底|长镜头|定格|"
        r"然后|随后|接着|紧接着|之后|最后|最终|起初|一开始|开始时|片刻后|不久|随即|与此同时|"
        r"同时|切换|(?:\d+|[一二三四五六七八九十两])秒(?:钟|内|后)?|循环|节奏(?:缓慢|轻快|紧凑|舒缓)?|"
        r"渐渐地|突然|忽然|瞬间|刹那|转瞬|镜头切换|转场|逐渐"),
]

_CLOTHES = (r"外套|大衣|风衣|雨衣|夹克|西装|衬衫|T恤|卫衣|毛衣|连衣裙|长裙|短裙|裙子|旗袍|汉服|"
            r"和服|婚纱|礼服|制服|校服|军装|盔甲|铠甲|斗篷|披风|长袍|围巾|帽子|草帽|头盔|面具|"
            r"眼镜|墨镜|靴子|运动鞋|高跟鞋|手套|背包|项链|耳环|领带|围裙|睡衣|泳衣|牛仔裤|裤子")

CONSISTENCY: list[Cue] = [
    Cue(r"(?:穿着|身穿|身着|穿|戴着|头戴|披着|系着|套着|裹着)" + _CLAUSE + r"{1,12}?(?:" + _CLOTHES
        + r")", strength=0.8),
    Cue(r"[红橙黄绿青蓝紫黑白灰粉金银棕褐米]色?的?(?:" + _CLOTHES + r")", strength=0.7),
    Cue(r"长发|短发|卷发|金发|黑发|红发|白发|银发|马尾|辫子|胡子|胡须|络腮胡|雀斑|纹身|刺青|疤痕|"
        r"伤疤|戴眼镜|眼睛(?:是|呈)|(?:红|蓝|绿|金)色(?:的)?眼睛|同一(?:个)?(?:角色|人物|人)|保持一致|"
        r"一致的|始终(?:保持|如一)|相同的(?:服装|造型|外貌)|角色一致", strength=0.7),
]

AUDIO: list[Cue] = [
    Cue(r"声音|音效|配乐|音乐|背景音乐|环境音|对白|台词|旁白|画外音|歌声|鸟鸣|鸟叫|雨声|风声|"
        r"脚步声|笑声|掌声|钟声|雷声|轰鸣|嗡嗡|寂静无声|无声|鸣叫|吼叫|咆哮声|狗叫|猫叫|"
        r"(?:说|喊|唱|问|低语|轻声说|大喊|喊道|说道)(?:着|道)?[：:]?[“\"「][^”\"」]+[”\"」]|"
        r"[\u4e00-\u9fff]{1,2}声(?=[，。,.；;\s]|$)|海浪声|水声|引擎声|汽笛|哨声|呼吸声|心跳声"),
]

# --- subjects ------------------------------------------------------------------------------

_PERSON = (r"女人|女孩|女子|女性|少女|姑娘|女生|男人|男孩|男子|男性|少年|男生|小伙子?|青年|老人|"
           r"老爷爷|老奶奶|老妇人?|老太太|老者|老汉|大爷|大妈|小孩|孩子|儿童|婴儿|宝宝|小女孩|小男孩|"
           r"人们|人群|行人|路人|游客|情侣|恋人|夫妻|一家人|一家三口|家人|朋友们?|舞者|芭蕾舞者|"
           r"舞蹈演员|宇航员|航天员|士兵|战士|骑士|武士|忍者|侠客|剑客|巫师|魔法师|女巫|女王|国王|公主|"
           r"王子|侦探|厨师|服务员|咖啡师|音乐家|吉他手|鼓手|歌手|小提琴手|钢琴家|画家|艺术家|滑板少年|"
           r"冲浪者|运动员|拳击手|骑手|骑士|司机|飞行员|水手|渔夫|渔民|农民|农夫|僧人|和尚|尼姑|道士|"
           r"科学家|医生|护士|学生|老师|工人|机器人|外星人|幽灵|鬼魂|僵尸|怪物|精灵|仙女|美人鱼|模特|"
           r"演员|新娘|新郎|主角|角色|英雄|猎人|旅人|旅行者|探险家|登山者|母亲|父亲|妈妈|爸爸|奶奶|爷爷|哥哥|姐姐|弟弟|妹妹|叔叔|阿姨|"
           r"外婆|外公|女儿|儿子|美女|帅哥|男主|女主|人物|少侠|仙子|将军|皇帝|古装美女|宫女|书生|"
           r"上班族|白领|警察|消防员|快递员|外卖员|商人|老板|科研人员|程序员|记者|摄影师|他们|她们|他|她|"
           r"(?:一|两|三|几)(?:个|名|位)人|一群人|[\u4e00-\u9fff]{1,2}(?:者|员|师|匠|士|兵)(?![们傅])|"
           r"[\u4e00-\u9fff]{1,2}(?<![双左右握把扶拍帮动挥招摆牵洗伸举拉松插拱])手(?![上中里指掌臂腕机表套])|"
           # a counted role + 人 (一位主持人, 一名守夜人); uncounted, 撩人 or 成人 are no one
           r"(?<=[位名个])[\u4e00-\u9fff]{2}(?<!男人|女人|的人)人(?![们物像体群工行员])")
_ANIMAL = (r"猫咪|小猫|猫|小狗|狗狗|狗|柯基|金毛|哈士奇|马(?!路|上|尾|车|克|拉|达|桶|赛克)|"
           r"小马|骏马|狐狸|狼|熊猫|熊|鹿|兔子|小兔|松鼠|老鼠|仓鼠|狮子|老虎|豹子?|猎豹|大象|长颈鹿|"
           r"斑马|猴子|猩猩|蛇|蜥蜴|青蛙|蜘蛛|蚂蚁|龙(?!卷|头|虾)|凤凰|独角兽|牛(?!仔|奶|排|肉)|"
           r"羊(?!毛|绒|肉)|猪(?!肉)|鸡(?!尾|蛋|肉)|公鸡|恐龙|动物|小动物|野兽|怪兽|神兽|麒麟|老鹰")
_BIRD = (r"小鸟|鸟儿?|鸟群|飞鸟|鹰|雄鹰|猫头鹰|乌鸦|鸽子|鹦鹉|天鹅|鸭子|企鹅|海鸥|蝴蝶|蜜蜂|"
         r"蜻蜓|飞蛾|萤火虫|白鹭|仙鹤|鹤|燕子|麻雀|孔雀|火烈鸟|蜂鸟")
_WATER = r"金鱼|锦鲤|鱼群|鱼儿?|鲨鱼|鲸鱼|鲸|海豚|水母|章鱼|海龟|乌龟|螃蟹|海豹|水獭"
_VEHICLE = (r"汽车|跑车|赛车|轿车|越野车|卡车|公交车|巴士|火车|列车|高铁|地铁列车|摩托车|自行车|单车|"
            r"小船|帆船|游艇|轮船|船只|船|潜水艇|潜艇|飞机|客机|战斗机|喷气机|直升机|火箭|飞船|"
            r"宇宙飞船|飞碟|热气球|坦克|出租车|车辆|车队|车(?=[，。,.；;\s在从向沿缓驶])")
_PRODUCT = (r"咖啡杯|咖啡|杯子|茶杯|水杯|酒杯|瓶子|香水瓶?|手表|腕表|运动鞋|球鞋|鞋子|手机|耳机|"
            r"吉他|钢琴|小提琴|书本|书|信封|蜡烛|灯笼|台灯|时钟|雕塑|雕像|花瓶|碗|盘子|汉堡|披萨|"
            r"寿司|蛋糕|面包|水果|苹果|草莓|柠檬|巧克力|蜂蜜|牛排|面条|拉面|饺子|火锅|鸡尾酒|"
            r"葡萄酒|红酒|啤酒|茶|口红|包包|手提包|产品|商品|珠宝|钻石|戒指|项链|电脑|笔记本电脑|"
            r"相机|汽车模型|玩具|积木|气球|雨伞|伞")
_ABSTRACT = (r"墨水|墨滴|墨汁|烟雾|烟|颜料|液体|粒子|羽毛|丝绸|丝带|火焰|火花|烟花|烟火|云朵|云|"
             r"海浪|浪花|泡泡|气泡|水晶|玻璃|冰块|雪花|雨滴|水滴|光点|几何体|线条|碎片|沙子|沙粒|"
             r"花瓣|落叶|树叶|叶子|纸片|折纸|彩带|粉末|流体|墨|色块")
_LANDSCAPE = (r"花朵|花丛|鲜花|玫瑰|向日葵|郁金香|樱花|荷花|莲花|蘑菇|大树|树木|古树|老树|树|"
              r"灯塔|高塔|塔|摩天大楼|高楼|大楼|建筑|房子|小屋|木屋|城堡|寺庙|宫殿|古镇|桥|风车|"
              r"火山|瀑布|冰川|冰山|极光|暴风雨|龙卷风|彩虹|城市|城市天际线|天际线|山峰|雪山|群山|"
              r"大海|海面|湖泊|河流|森林|沙漠|草原|星空|银河|月亮|太阳|地球|星球|风景|景色|街景")

SUBJECTS: list[Subject] = [
    Subject(_PERSON, "person"), Subject(_ANIMAL, "animal"), Subject(_BIRD, "bird"),
    Subject(_WATER, "water"), Subject(_VEHICLE, "vehicle"), Subject(_PRODUCT, "product"),
    Subject(_ABSTRACT, "abstract", 0.9), Subject(_LANDSCAPE, "landscape", 0.8),
]

# --- actions -------------------------------------------------------------------------------

ACTIONS: list[str] = [
    r"行走|走路|走向|走过|走进|走出|走来|走去|走在|走着|漫步|散步|踱步|徘徊|缓步|前行|前进|"
    r"走(?!廊|道|势|秀|马灯|神)",
    r"奔跑|跑步|跑向|跑过|跑来|跑去|奔向|冲向|冲过|冲出|冲刺|飞奔|狂奔|疾驰|飞驰|驰骋|奔驰|跑(?!车|道|鞋)",
    r"跳跃|跳起|跃起|跳入|跳进|跳下|跳过|跳上|蹦跳|跳舞|起舞|翩翩起舞|舞动|跳(?!板|绳)|蹦",
    r"飞翔|飞行|飞过|飞向|飞来|飞去|飞起|飞出|飞入|飞舞|飞奔|翱翔|滑翔|盘旋|振翅|展翅|扇动翅膀|"
    r"飞(?!机|船|碟|鸟|行员|速|快|扬)",
    r"游泳|游动|游过|游向|游来|游去|畅游|潜水|潜入|游(?!戏|客|艇|乐|览|轮|泳池|人)",
    r"落下|掉落|坠落|飘落|滑落|跌落|倒下|摔倒|跌倒|下落|降落|(?<![利错段降])落(?!日|叶|地窗|寞|差)",
    r"升起|上升|升空|腾空|浮起|浮现|漂浮|飘浮|悬浮|漂流|漂荡",
    r"旋转|转身|转头|回头|回眸|转动|转圈|打转|翻转|翻滚|翻身|扭动|扭头|侧身",
    r"撞击|撞向|撞上|碰撞|爆炸|炸开|爆裂|破碎|碎裂|粉碎|崩塌|倒塌|坍塌|喷发|爆发|喷涌|喷出",
    r"倒入|倒进|倒酒|倒水|溅落|溅起|滴落|滴下|流下|流淌|流动|流过|扩散|蔓延|晕染|绽放|盛开|"
    r"开放|生长|长出|发芽|融化|消融|燃烧|点燃|熄灭|闪烁|闪耀|闪光|发光|亮起",
    r"挥手|挥舞|挥动|招手|微笑|笑着|大笑|欢笑|哭泣|流泪|哭|笑(?!声|容)",
    r"看着|看向|凝视|注视|望着|望向|眺望|仰望|俯视(?!角|镜头|视角)|环顾|张望|打量|观察|盯着|看",
    r"伸手|伸出|抓住|抓起|握住|握着|拿起|拿着|捧着|端起|举起|抬起|放下|扔出|抛出|扔|抛|接住|"
    r"踢|出拳|挥拳|拳打|打斗|搏斗|战斗|对决|厮杀|挥剑|拔剑|射箭|开枪",
    r"攀爬|爬上|爬行|爬|坐下|坐着|坐在|站起|站着|站在|站立|伫立|矗立|靠着|倚着|躺着|躺在|趴着|跪下|"
    r"跪着|鞠躬|蹲下|蹲着",
    r"滚动|滚落|滑行|滑动|滑过|滑下|滑冰|滑雪|冲浪|溜冰|赛跑",
    r"驾驶|开车|骑着|骑行|骑马|骑车|行驶|驶过|驶向|驶入|驶离|穿梭|穿过|穿行|掠过|划过|划船|"
    r"越过|跨越|翻越|跨过|"
    r"追逐|追赶|追着|狩猎|捕猎|扑向|扑|觅食|吃草|啄食|嗅|舔|咀嚼|吃|喝|品尝|饮|啜饮",
    r"摇摆|摇晃|颤抖|发抖|摆动|晃动|抖动|变形|变成|化作|化为|幻化|出现|浮现|显现|消失|消散|"
    r"散开|聚集|汇聚|弥漫|升腾|缭绕|涌动|奔涌|拍打|拍岸|冲刷|倾泻|起飞|着陆",
    r"伸展|伸懒腰|眨眼|呼吸|唱歌|歌唱|演唱|演奏|弹奏|弹琴|弹吉他|拉琴|敲打|打鼓|绘画|画画|"
    r"作画|写字|书写|做饭|烹饪|切菜|搅拌|烘焙|烤|煎|煮|沸腾|冒着|冒出|亲吻|拥抱|抱着|牵着|"
    r"拉着|推着|推开|拉开|打开|关上|点头|摇头|低语|说话|交谈|聊天|喊叫|尖叫|呐喊|行进|游行|"
    r"巡逻|展开|折叠|翻开|翻阅|阅读|读书|写作|工作|打字|拍照|梳头|洗|擦拭|打扫|编织|雕刻|"
    r"(?<!无)缝(?!隙)|吹|咆哮|嚎叫|吠叫|摇尾巴|玩耍|嬉戏|奔涌|降临|穿越|逃跑|逃离|躲避|寻找|等待|凝望|"
    r"演讲|表演|跳水|射击|投篮|踢球|打球|奔腾|搬运|建造|修理|种植|浇水|采摘|收割",
    r"抚摸|抬头|低头|回望|探头|迈步|踏着|踩着|跨过|攀登|递给|接过|拿出|放入|敲门|开门|关门|推门|"
    r"搂着|依偎|撑伞|打伞|吹灭|吹起|鼓掌|拍手|跺脚|翻页|泡茶|品茶|喝茶|扬帆|划桨|钓鱼|撒网|"
    r"张开|合上|睁开|闭上|咬着|啃|揉|捏|搓|摘下|戴上|脱下|披上|系上|整理|梳理",
]
GRAMMAR_ACTIONS: list[str] = [
    r"正在(?P<v>[\u4e00-\u9fff]{1,2})",
    # a verb + 着; 随着, 沿着, 朝着 ... are prepositions ("along", "towards")
    r"(?P<v>(?![随沿朝向顺接对冲照本为凭借当])[\u4e00-\u9fff])着(?![急想迷实])",
    r"(?P<v>[\u4e00-\u9fff]{1,2})起来",
    # 在 + a verb phrase that closes the clause ("在揉面团", "在做动作"); 在 + a place is the
    # setting, and a grammar action overlapping a setting is dropped (native._actions)
    r"在(?P<v>[\u4e00-\u9fff]{2,4})(?=[，。,.；;！!？?\s]|$)",
]

_POSE = r"(?:坐|站|躺|跪|蹲|靠|倚|趴|立)(?:在|于|着)|伫立|矗立|静坐|静立|端坐|摆(?:出|着)?(?:姿势|造型|pose)"
"""A body held still in a pose (坐在, 站着, 伫立)."""
_VOICE = (r"咆哮|吼|嚎|嘶吼|喊|叫|呼喊|说|讲|唱|歌唱|低语|耳语|交谈|聊天|吠|鸣|啼|"
          r"注视|凝视|盯着|看着|望着|凝望")
"""A body's voice or its look (咆哮, 低语, 注视)."""
_SPEED = r"缓缓|慢慢|缓慢|徐徐|迅速|快速|猛|飞快|急速|急忙|匆匆|轻轻|重重|稳|突然|忽然|一下"
"""Speed, force, weight and balance: said of a pose, they tell how the body gets into it (缓缓
坐在床边, 猛地跪在地上) or holds it on something moving (稳稳站在冲浪板上), motion."""

NOT_MOTION = (r"(?P<m>缓缓|缓慢|慢慢|轻轻|徐徐|迅速|快速|飞快|飞速|悄悄|静静|[\u4e00-\u9fff]{2}地)(?:地|的)?"
              # a light that flickers or blinks (霓虹灯快速闪烁): its rhythm is the lighting's
              r"(?=闪烁|闪动|闪耀|闪光|明灭|频闪|忽明忽暗|"
              r"变暗|变亮|变黑|变白|变红|变蓝|变金|变色|变化|变幻|暗下|暗了|暗淡|亮起|亮了|褪色|褪去|"
              r"淡出|淡入|渐变|转暗|转亮|染上|染成|泛起|泛出|"
              # nor of a sound, an appearance, a feeling, time, growth or the edit (a face's
              # manner is: the labelled sets count 轻轻微笑)
              r"响起|传来|出现|浮现|显现|显示|流逝|过去|平静|长大|绽放|盛开|"
              r"切换|剪辑|转场|对焦|聚焦|虚化)"
              # the speed of the edit or of playback (剪辑速度很快): the pacing's
              r"|(?:剪辑|剪接|切换|转场|播放|节奏|镜头切换)的?(?P<m6>速度)"
              r"|(?:光|光线|阳光|月光|灯光|光芒|光束|余晖|霞光|时间|时光|音乐|歌声|旋律|"
              # the sun or the moon rising or setting is the hour changing (lighting)
              r"太阳|夕阳|落日|朝阳|旭日|残阳|红日|月亮|明月|圆月|"
              # and night or dusk falling, dawn breaking (夜幕缓缓降临, 暮色慢慢笼罩小镇)
              r"夜幕|夜色|暮色|天色|黄昏|黑夜|夜晚|晨曦|曙光|黎明)"
              r"(?P<m3>缓缓|缓慢|慢慢|轻轻|徐徐|静静)地?"
              r"|(?:画面|镜头|视角|相机|摄像机|机身)(?:有|带有|带着|略|略微|轻微|微微|稍微|稍稍|不断|"
              r"不停|一直|自然|随之|随着步伐)*(?:地)?(?P<m2>" + _SWAY + r")"
              # a manner word said of a body held in a pose or of its voice or look
              # (优雅地坐在钢琴前, 凶猛地咆哮): how it sits, sounds or looks, not how anything
              # moves; a speed said of the pose is getting into it (缓缓坐在床边: motion)
              # (the group is the manner word's last character and 地, inside its motion span)
              r"|(?![\u4e00-\u9fff]?(?:" + _SPEED + r"))[\u4e00-\u9fff](?P<m4>[\u4e00-\u9fff]地?)"
              r"(?=" + _POSE + r")|[\u4e00-\u9fff](?P<m5>[\u4e00-\u9fff]地?)(?=" + _VOICE + r")")
"""A manner word said of a change of light, colour or picture (天空慢慢变暗, 画面缓缓变亮):
nothing moves, not motion; nor is one said of light, time or music (阳光缓缓洒在湖面上),
of a sound, an appearance or the edit (音乐轻轻响起, 字幕缓缓出现, 镜头快速切换), nor of the
sun or the moon (夕阳缓缓落下: the hour, told by the light).
The picture or the camera that shakes (画面轻微晃动) is the camera's handling, not the subject's motion."""

LEXICON = NativeLexicon(
    code="zh",
    spaced=False,
    cues={C.CAMERA: CAMERA, C.SHOT: SHOT, C.LENS: LENS, C.LIGHTING: LIGHTING, C.COLOR: COLOR,
          C.STYLE: STYLE, C.SETTING: SETTING, C.MOTION: MOTION, C.PACING: PACING,
          C.CONSISTENCY: CONSISTENCY, C.AUDIO: AUDIO},
    subjects=SUBJECTS,
    actions=ACTIONS,
    grammar_actions=GRAMMAR_ACTIONS,
    not_motion=NOT_MOTION,
    negation=r"(?:不要|没有|不能有|避免|别|不出现|禁止|去掉)[\u4e00-\u9fff]{1,6}",
    facts={
        "night": r"夜|深夜|午夜|月光|月色|星空|霓虹|夜景|夜色|黑暗|入夜",
        "day": r"白天|白昼|正午|中午|午后|阳光明媚|晴天|烈日",
        "golden": r"黄昏|夕阳|日落|落日|日出|黄金时刻|余晖|晚霞|朝霞|清晨|黎明|傍晚",
        "indoors": r"室内|房间|卧室|客厅|厨房|书房|办公室|教室|咖啡馆|咖啡厅|餐厅|酒吧|工作室|"
                   r"摄影棚|图书馆|走廊|大厅|教堂|宫殿|窗边|窗前|床上|桌上|餐桌|桌子|沙发|床|窗|"
                   r"台灯|书桌|壁炉",
        "posture": r"坐|站|躺|靠|倚|睡|蹲|跪|趴|伫立|矗立|等待|凝视|注视|望着",
        "outdoors": r"户外|室外|街|森林|海|山|草原|沙漠|湖|河|公园|花园|天空|田野|城市|雪地|"
                    r"乡村|峡谷|瀑布|海滩|沙滩|屋顶|天台",
        "snow": r"雪|冬天|冬日|寒冬",
        "rain": r"雨",
        "still": r"静止|定格|一动不动|纹丝不动|静物|雕像|雕塑|照片|肖像|静态",
        "still_camera": r"固定镜头|固定机位|镜头(?:保持)?(?:静止|固定|不动)|静止镜头|三脚架",
        "animated": r"动漫|动画|卡通|皮克斯|吉卜力|宫崎骏|新海诚|像素|黏土|定格动画|剪纸|水彩|"
                    r"油画|插画|漫画|3D渲染|水墨",
        "monochrome": r"黑白(?!相间|花|条纹|格)|单色",
        "wears": r"穿着|身穿|身着|戴着|披着",
    },
    subject_fallback=r"(?P<s>[一两三四五六七八九十几这那](?:个|名|位|只|头|匹|条|辆|艘|架|群|对|棵|朵|座|"
                     r"滴|片|束|把|杯|碗|本|张|块|颗|粒|支|道|串|家)[\u4e00-\u9fff]{1,6}?)(?=在|正|从|向|朝|坐|"
                     r"站|走|跑|穿|的|，|。|,|\.|$)|^(?P<s2>[\u4e00-\u9fff]{1,6}?)(?=在|正在|缓缓|慢慢|向|从|于)",
)
