using System.Globalization;

namespace Cockpit.Training.Data;

/// <summary>
/// Free-text values composed from parts (names, titles, places, on-screen targets) for training only, so the model learns
/// where a contact or a song starts and ends from its context rather than by memorising the fixed value lists. Values
/// equal to a held-out value are never produced, so the held-out set keeps values never seen in training.
/// </summary>
internal static class ComposedTextValues
{
    private static readonly string[] ZhSurnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁",
        "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "田", "董", "袁", "潘", "蒋", "蔡", "杜", "叶", "程", "苏", "魏", "吕",
        "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "范", "金", "石", "廖", "贾", "夏", "方", "白", "孟", "秦", "江", "段",
    ];

    private static readonly string[] ZhGivenChars =
    [
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "英",
        "华", "玉", "兰", "萍", "红", "鹏", "飞", "斌", "宇", "浩", "凯", "健", "俊", "帆", "旭", "宁", "婷", "雪", "琳", "晨", "欣", "怡",
        "佳", "思", "文", "博", "雨", "梅", "建", "国", "志", "海", "晓", "小", "子", "嘉", "昊", "然", "悦", "琪", "瑶", "峰", "亮", "波",
    ];

    private static readonly string[] ZhTitles = ["经理", "总", "老师", "医生", "师傅", "主任", "阿姨", "叔叔", "哥", "姐", "律师", "教授"];

    private static readonly string[] ZhKin =
    [
        "大姨", "小姨", "舅舅", "姑姑", "叔叔", "阿姨", "表哥", "表姐", "堂弟", "外婆", "外公", "姥姥", "姥爷", "儿子", "女儿", "媳妇", "岳父",
        "岳母", "婆婆", "老妈", "老爸", "大哥", "二姐", "三叔", "闺蜜", "室友", "司机", "房东", "物业", "前台", "助理", "老同学",
    ];

    private static readonly string[] ZhTitleChars =
    [
        "爱", "心", "风", "雨", "夜", "星", "光", "梦", "海", "天", "花", "月", "春", "秋", "远", "方", "时", "间", "你", "我", "的", "歌",
        "城", "路", "家", "云", "山", "河", "雪", "晴", "笑", "泪", "飞", "等", "想", "念", "红", "蓝", "白", "夏", "冬", "明", "日", "少",
        "了", "一", "不", "是", "在", "来", "去", "向", "起", "走", "过", "着", "都", "也", "和", "上", "下", "里", "生", "回", "见", "好",
    ];

    private static readonly string[] ZhGenres = ["流行", "古典", "爵士", "民谣", "摇滚", "电子", "说唱", "钢琴", "粤语", "经典老歌", "儿童", "助眠"];

    private static readonly string[] ZhPlaceChars =
    [
        "东", "西", "南", "北", "中", "华", "人", "民", "新", "光", "明", "和", "平", "长", "江", "黄", "河", "山", "湖", "金", "桥", "阳",
        "天", "府", "龙", "凤", "海", "港", "滨", "城", "安", "宁", "春", "台", "石", "园", "林", "建", "国", "兴", "盛", "福", "万", "宝",
        "首", "都", "京", "一", "大", "上", "三", "五", "八", "紫", "青", "松", "朝", "汉",
    ];

    private static readonly string[] ZhPlaceKinds =
    [
        "路", "街", "广场", "公园", "医院", "大学", "中学", "小学", "火车站", "地铁站", "机场", "商场", "大厦", "酒店", "小区", "体育馆", "博物馆",
        "图书馆", "中心", "花园", "码头", "市场", "景区", "服务区",
    ];

    private static readonly string[] ZhNearby =
    [
        "充电站", "加油站", "停车场", "洗手间", "超市", "药店", "银行", "咖啡店", "餐厅", "医院", "服务区", "修车店", "商场", "快餐店", "便利店",
    ];

    private static readonly string[] ZhTargetWords = ["取消", "关闭", "返回", "搜索", "播放", "暂停", "下一页", "上一页", "设置", "保存", "删除", "完成", "继续", "跳过", "重试"];

    private static readonly string[] ZhTargetVerbs = ["开始", "结束", "退出", "打开", "关闭", "确认", "取消", "查看", "添加", "清空"];

    private static readonly string[] ZhTargetObjects = ["导航", "播放", "通话", "录音", "下载", "设置", "路线", "音乐", "蓝牙", "收藏", "电话", "地图", "订单"];

    private static readonly string[] EnFirstNames =
    [
        "adam", "amy", "anna", "ben", "bella", "carl", "chloe", "dan", "diana", "eric", "ella", "frank", "grace", "george", "hannah", "henry",
        "ivy", "jack", "jane", "kate", "kyle", "laura", "leo", "lily", "mark", "maria", "nick", "nina", "oscar", "paul", "peter", "rachel",
        "ryan", "sam", "sara", "steve", "susan", "tim", "tina", "victor", "wendy", "will", "zoe", "noah", "liam", "ava", "isabella", "mason",
        "logan", "harper", "evelyn", "jacob", "amelia", "elijah", "charlotte", "benjamin", "abigail", "michael", "emily", "alice", "joe",
    ];

    private static readonly string[] EnLastNames =
    [
        "smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis", "wilson", "anderson", "taylor", "thomas", "moore",
        "martin", "lee", "walker", "hall", "young", "king", "wright", "lopez", "hill", "scott", "green", "baker", "adams", "nelson", "carter",
    ];

    private static readonly string[] EnRelations =
    [
        "sister", "brother", "son", "daughter", "mother", "father", "grandpa", "boss", "neighbor", "dentist", "doctor", "lawyer", "partner",
        "girlfriend", "boyfriend", "best friend", "coach", "landlord", "assistant", "cousin", "nanny", "mechanic",
    ];

    private static readonly string[] EnTitleWords =
    [
        "love", "night", "dancing", "blue", "heart", "summer", "rain", "fire", "dream", "home", "road", "sky", "star", "light", "little",
        "wild", "forever", "tonight", "baby", "river", "moon", "golden", "city", "lonely", "sweet", "wind", "run", "girl", "boy", "time",
        "midnight", "paradise", "ocean", "story", "sunshine", "money", "crazy", "shadow", "highway", "echo",
        "guy", "man", "lady", "friend", "people", "world", "life", "day", "way", "side", "song", "dance", "kiss", "feel", "good", "bad",
        "new", "old", "young", "happy", "sad", "cold", "hot", "back", "down", "up", "out", "away", "again", "together", "alone",
        "yourself", "everything", "nothing", "someone", "tomorrow", "yesterday", "place", "window", "door", "water", "gold", "diamond",
    ];

    private static readonly string[] EnGenres = ["jazz", "rock", "pop", "classical music", "country", "hip hop", "lo fi", "blues", "piano music", "audiobooks", "the news", "kids songs"];

    private static readonly string[] EnNumberedPlaces = ["pier", "gate", "terminal", "building", "exit", "lot", "dock", "platform", "hall", "route", "highway"];

    private static readonly string[] EnPlaceKinds = ["street", "avenue", "road", "park", "mall", "station", "square", "bridge", "hospital", "airport", "center", "plaza", "beach", "market"];

    private static readonly string[] EnNearby =
    [
        "charging station", "gas station", "parking garage", "coffee shop", "pharmacy", "restroom", "bank", "pizza place", "supermarket",
        "car wash", "hotel", "rest area", "hardware store", "atm",
    ];

    private static readonly string[] EnOrdinals = ["first", "second", "third", "fourth", "fifth", "last", "top", "next"];

    private static readonly string[] EnTargetKinds = ["one", "result", "option", "item", "entry", "route", "song"];

    private static readonly string[] EnButtons =
    [
        "cancel", "save", "delete", "done", "retry", "skip", "play", "pause", "send", "search", "settings", "back", "agree", "allow", "deny",
        "continue", "submit", "apply", "close", "open", "edit", "share", "got it", "later", "dismiss", "reply", "go", "sure",
    ];

    /// <summary>A composed value for a text slot (<c>contact</c>, <c>query</c>, <c>place</c>, <c>target</c>), never one of <paramref name="excluded"/>.</summary>
    public static string Compose(string slot, string lang, IReadOnlyCollection<string> excluded, Random rng)
    {
        while (true)
        {
            var value = (slot, lang) switch
            {
                ("contact", "zh") => ZhContact(rng),
                ("contact", _) => EnContact(rng),
                ("query", "zh") => ZhQuery(rng),
                ("query", _) => EnQuery(rng),
                ("place", "zh") => ZhPlace(rng),
                ("place", _) => EnPlace(rng),
                (_, "zh") => ZhTarget(rng),
                _ => EnTarget(rng),
            };
            if (!excluded.Contains(value))
            {
                return value;
            }
        }
    }

    private static string Pick(string[] list, Random rng) => list[rng.Next(list.Length)];

    private static string ZhName(Random rng) => Pick(ZhSurnames, rng) + Pick(ZhGivenChars, rng) + (rng.Next(2) == 0 ? Pick(ZhGivenChars, rng) : "");

    private static string Chars(string[] pool, int min, int max, Random rng) =>
        string.Concat(Enumerable.Range(0, rng.Next(min, max + 1)).Select(_ => Pick(pool, rng)));

    private static string ZhContact(Random rng) => rng.Next(6) switch
    {
        0 or 1 => ZhName(rng),
        2 => (rng.Next(2) == 0 ? "老" : "小") + Pick(ZhSurnames, rng),
        3 => Pick(ZhSurnames, rng) + Pick(ZhTitles, rng),
        4 => Pick(ZhKin, rng),
        _ => (rng.Next(2) == 0 ? "我" : "") + Pick(ZhKin, rng),
    };

    private static string EnContact(Random rng) => rng.Next(6) switch
    {
        0 or 1 => Pick(EnFirstNames, rng),
        2 => Pick(EnFirstNames, rng) + " " + Pick(EnLastNames, rng),
        3 => "my " + Pick(EnRelations, rng),
        4 => Pick(["uncle ", "aunt ", "dr ", "mr ", "mrs ", "coach "], rng) + Pick(rng.Next(2) == 0 ? EnFirstNames : EnLastNames, rng),
        _ => Pick(EnFirstNames, rng) + " from " + Pick(["work", "school", "the gym", "church", "the office"], rng),
    };

    private static string ZhQuery(Random rng) => rng.Next(7) switch
    {
        0 or 1 => Chars(ZhTitleChars, 2, 4, rng),
        2 => ZhName(rng) + (rng.Next(2) == 0 ? "的歌" : ""),
        3 => Pick(ZhGenres, rng) + Pick(["", "音乐", "歌曲"], rng),
        4 => Pick(["一", "一", "七", "十", "小", "大", "老", "第", "首", "半"], rng) + Chars(ZhTitleChars, 1, 3, rng),
        6 => Chars(ZhTitleChars, 1, 3, rng) + Pick(["了", "吧", "啊", "呀", "的你"], rng),
        _ => Chars(ZhTitleChars, 1, 2, rng) + Pick(["之歌", "的夜晚", "故事", "日记", "时光"], rng),
    };

    private static readonly string[] EnTitleFrames =
    [
        "{w} of {w}", "{w} in the {w}", "hey {n}", "{w} you", "the {w} of {w}", "{w} me {w}", "i {w} you", "{w} to {w}", "{w} and {w}",
        "don't {w} me", "all the {w}", "{w} with you", "my {w} {w}", "{w} it off", "{w} on me", "under the {w}",
        "{w} of you", "{w} {w}", "hey {w}", "{w} {d}", "{w} for {w}", "{w} is {w}", "one {w}", "we {w}", "{w} like you",
    ];

    private static string EnTitle(Random rng)
    {
        var frame = Pick(EnTitleFrames, rng);
        var parts = frame.Split(' ').Select(p => p switch { "{w}" => Pick(EnTitleWords, rng), "{n}" => Pick(EnFirstNames, rng), "{d}" => rng.Next(1, 100).ToString(CultureInfo.InvariantCulture), _ => p });
        return string.Join(' ', parts);
    }

    private static string EnQuery(Random rng) => rng.Next(6) switch
    {
        0 => string.Join(' ', Enumerable.Range(0, rng.Next(1, 4)).Select(_ => Pick(EnTitleWords, rng))),
        1 => EnTitle(rng),
        2 => Pick(EnFirstNames, rng) + " " + Pick(EnLastNames, rng),
        3 => Pick(["some ", ""], rng) + Pick(EnGenres, rng),
        _ => Pick(["the ", "a ", "my "], rng) + Pick(EnTitleWords, rng) + " " + Pick(["song", "album", "playlist", "mix"], rng),
    };

    private static string ZhPlace(Random rng) => rng.Next(4) switch
    {
        0 or 1 => Chars(ZhPlaceChars, 2, 3, rng) + Pick(ZhPlaceKinds, rng),
        2 => Pick(["最近的", "附近的", "离这最近的"], rng) + Pick(ZhNearby, rng),
        _ => Chars(ZhPlaceChars, 2, 2, rng) + Pick(["路", "街"], rng) + Pick(["", "一号", "五十八号", "东口"], rng),
    };

    private static string EnPlace(Random rng) => rng.Next(5) switch
    {
        0 or 1 => Pick(rng.Next(2) == 0 ? EnLastNames : EnTitleWords, rng) + " " + Pick(EnPlaceKinds, rng),
        2 => Pick(["the nearest ", "a ", "the closest "], rng) + Pick(EnNearby, rng) + Pick(["", " nearby"], rng),
        4 => Pick(EnNumberedPlaces, rng) + " " + rng.Next(1, 100).ToString(CultureInfo.InvariantCulture),
        _ => rng.Next(1, 999).ToString(CultureInfo.InvariantCulture) + " " + Pick(EnLastNames, rng) + " " + Pick(["street", "avenue", "road"], rng),
    };

    private static string ZhTarget(Random rng) => rng.Next(4) switch
    {
        0 => "第" + Pick(["一", "二", "三", "四", "五"], rng) + Pick(["个", "项", "条", "个结果"], rng),
        1 => Pick(ZhTargetWords, rng) + Pick(["", "按钮", "键"], rng),
        3 => Pick(ZhTargetVerbs, rng) + Pick(ZhTargetObjects, rng),
        _ => Pick(["最后一个", "上面那个", "下面那个", "左边那个", "右边那个"], rng),
    };

    private static string EnTarget(Random rng) => rng.Next(3) switch
    {
        0 => "the " + Pick(EnOrdinals, rng) + " " + Pick(EnTargetKinds, rng),
        1 => Pick(["the ", ""], rng) + Pick(EnButtons, rng) + Pick(["", " button"], rng),
        _ => Pick(EnButtons, rng),
    };
}
