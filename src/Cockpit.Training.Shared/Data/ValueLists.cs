namespace Cockpit.Training.Data;

/// <summary>Free-text values, fillers, connectors, homophone slips and out-of-domain utterances.</summary>
internal static class ValueLists
{
    public static readonly string[] ZhQueries =
    [
        "七里香", "晴天", "稻香", "青花瓷", "后来", "周杰伦的歌", "陈奕迅", "十年", "小幸运", "平凡之路", "孤勇者", "光年之外", "邓紫棋的歌",
        "演员", "告白气球", "夜曲", "海阔天空", "月亮代表我的心", "王菲", "红豆", "起风了", "成都", "南山南", "林俊杰", "江南", "一路向北",
        "蓝莲花", "朋友", "甜蜜蜜", "大鱼", "五月天的歌", "倔强", "童话", "那些年", "李荣浩", "年少有为", "轻音乐", "摇滚乐", "儿歌", "相声",
    ];

    public static readonly string[] EnQueries =
    [
        "shape of you", "taylor swift", "yesterday", "bohemian rhapsody", "some jazz", "hotel california", "coldplay", "yellow",
        "adele", "hello", "imagine", "let it be", "the beatles", "blinding lights", "the weeknd", "bad guy", "billie eilish",
        "some classical music", "ed sheeran", "perfect", "rolling in the deep", "queen", "thriller", "michael jackson", "despacito",
        "lose yourself", "eminem", "wonderwall", "oasis", "smells like teen spirit", "nirvana", "dancing queen", "abba", "some podcasts",
        "my driving playlist", "hey jude", "shake it off", "anti hero", "drake", "beyonce",
    ];

    public static readonly string[] ZhPlaces =
    [
        "虹桥火车站", "浦东机场", "最近的充电站", "公司", "家", "人民广场", "外滩", "陆家嘴", "最近的加油站", "附近的停车场", "首都机场",
        "北京南站", "西湖", "天安门", "世纪公园", "静安寺", "徐家汇", "南京路步行街", "迪士尼乐园", "最近的医院", "中山公园",
        "最近的餐厅", "星巴克", "机场", "火车站", "万达广场", "科技园", "东方明珠", "五角场", "附近的超市", "人民医院", "学校",
    ];

    public static readonly string[] EnPlaces =
    [
        "the nearest charging station", "the airport", "home", "work", "downtown", "central park", "the train station",
        "the nearest gas station", "a parking lot nearby", "times square", "the office", "the hospital", "golden gate bridge",
        "the mall", "starbucks", "the nearest restaurant", "union square", "the museum", "city hall", "the beach", "main street",
        "the nearest supermarket", "the stadium", "my hotel", "the library", "pier 39", "the zoo", "the university",
        "hongqiao railway station", "pudong airport", "the bund", "people's square",
    ];

    public static readonly string[] ZhContacts =
    [
        "妈妈", "爸爸", "老婆", "老公", "老王", "张三", "李四", "王经理", "李总", "小明", "奶奶", "爷爷", "姐姐", "哥哥", "弟弟", "妹妹",
        "陈老师", "刘医生", "小张", "赵磊", "孙丽", "周杰", "吴经理", "郑浩", "张伟", "王芳", "李娜", "老板", "同事小李", "客服",
    ];

    public static readonly string[] EnContacts =
    [
        "mom", "dad", "alex", "john", "my wife", "my husband", "sarah", "mike", "david", "emma", "grandma", "the office",
        "jennifer", "chris", "linda", "robert", "my boss", "james", "olivia", "sophia", "daniel", "lucas", "mia", "ethan",
        "uncle bob", "aunt mary", "dr smith", "kevin", "lisa", "tom",
    ];

    public static readonly string[] ZhTargets = ["确定", "取消", "第二个", "第一个", "下一步", "确认", "返回键", "搜索", "第三个结果", "同意", "开始导航", "关闭"];

    public static readonly string[] EnTargets =
    [
        "ok", "cancel", "the second result", "the first one", "next", "confirm", "search", "the third result", "accept", "start",
        "the close button", "yes",
    ];

    public static readonly string[] ZhPrefixes =
    [
        "嗯", "嗯，", "那个", "嗯那个", "呃", "帮我", "请", "麻烦", "你好小航，", "小航小航，", "我想", "给我", "呃那个", "哎，", "喂，", "那个啥，",
        "有点热，", "有点冷，", "好的，", "对了，",
    ];

    public static readonly string[] ZhSuffixes = ["吧", "一下", "好吗", "谢谢", "啊", "呗", "，谢谢", "好不好", "哈"];

    public static readonly string[] EnPrefixes =
    [
        "um", "uh", "um,", "hey car,", "please", "could you", "can you", "would you", "okay", "so", "uh, could you", "hey,", "hmm",
        "it's hot in here,", "it's cold,", "alright,", "oh and", "well,",
    ];

    public static readonly string[] EnSuffixes = ["please", "thanks", "now", "for me", "thank you", "right now", "if you can", "okay", "quickly"];

    public static readonly string[] ZhFillers = ["嗯", "呃", "那个", "就是", "啊"];

    public static readonly string[] EnFillers = ["um", "uh", "like", "er", "you know"];

    // A bare comma joins requests as a recogniser writes them ("打开空调，打开座椅加热", "turn on the ac, open the sunroof").
    public static readonly string[] ZhConnectors = ["并", "并且", "，然后", "，顺便", "，再", "，同时", "，还有", "然后", "，另外", "，也", "，"];

    public static readonly string[] EnConnectors = ["and", "and also", ", then", "then", ", and", "and then", "plus", ", also", ","];

    /// <summary>
    /// What joins functions that share one verb ("打开空调和座椅加热"), as people say it; each must be one that
    /// <c>CallDecoder</c>'s conjunctions match (checked by the data generator's tests, which decode every such sample).
    /// </summary>
    public static readonly string[] ZhConjunctions = ["和", "跟", "与", "以及", "还有", "、"];

    /// <summary>English joins; "and" twice, as it is said most.</summary>
    public static readonly string[] EnConjunctions = ["and", "and", "plus", "and also"];

    public static readonly (char From, char To)[] ZhSlips = [('调', '掉'), ('驾', '架'), ('座', '坐'), ('量', '亮'), ('档', '当'), ('窗', '创'), ('灯', '登')];

    public static readonly string[] ZhOutOfDomain =
    [
        "今天天气真好", "你叫什么名字", "讲个笑话吧", "我今天好累", "算了", "没事了", "不用了", "你好", "谢谢你", "现在几点了", "明天会下雨吗",
        "你吃饭了吗", "我们去哪儿玩", "这首歌真好听", "刚才那个路口真堵", "我有点饿了", "今天星期几", "你真聪明", "好的", "嗯嗯",
        "哈哈哈", "取消", "不要了", "我想想", "等一下", "你是谁", "什么意思", "我不知道", "空调是谁发明的", "温度计在哪里买",
        "车窗外面的风景真美", "这车开起来挺舒服", "昨天的比赛你看了吗", "帮我想个名字", "今天的股票怎么样", "路上小心", "晚安",
        "早上好", "你喜欢什么颜色", "明天要开会", "不对不对", "没什么", "就这样吧", "我随便说说", "你会唱歌吗", "外面多少度",
        "油价又涨了", "周末去哪玩好", "这个座椅是真皮的吗", "我女儿今天考试", "你听得懂吗", "北京有多少人", "地球有多大",
        "你听我说", "听说明天降温", "我刚才说错了", "算了算了", "不用管它", "随便吧", "就这样", "你猜", "我开玩笑的", "今天几号", "你几岁了",
        "前面是不是堵车了", "这条路我没走过", "你记得我吗", "我们到哪了", "你觉得呢", "他怎么还不回消息", "晚上吃什么", "我饿死了", "这歌谁唱的",
        "你会讲英语吗", "别说话", "安静一会儿", "你好厉害", "今天工作好忙", "孩子睡着了", "快到了吗", "我想静一静", "这个功能怎么用",
        "说明书在哪里", "这车多少钱", "电池还能用几年", "你能听到我吗", "刚才那个人开得太快了", "你会做饭吗", "明天放假吗", "周末要加班",
        "我昨天没睡好", "你是机器人吗", "帮我想想办法", "我忘了带钥匙", "外面好像下雨了", "这里风景不错", "好久不见",
        "等会儿再说", "以后再说", "先不用", "没关系", "好的知道了", "我再想想", "稍等一下", "挺好的", "不错不错", "辛苦了", "干得好",
        "哦这样啊", "原来如此", "真的吗", "你说什么", "再说一遍", "不好意思", "没听清", "知道了", "可以可以", "还行吧", "有意思", "我看看",
        "让我想想", "等等我", "慢慢来", "别急", "我在开车", "我在打电话", "你别管了", "我自己来", "跟你没关系", "心情不好",
        "我在开会", "我在吃饭", "我正在忙", "我在跟朋友聊天", "我在等人", "我在想事情", "小心点", "开车小心", "注意安全", "慢点开",
        "我想休息一下", "我想一个人待会儿", "我想睡一会儿", "先别说话", "等我一下", "我马上回来", "回头再说", "我回来了", "我到家了", "电话响了",
        "谁打来的电话", "小心前面的车", "我在听", "我想喝水", "我想上厕所", "音乐不错", "屏幕上有灰",
        // Remarks that name car or media words, idioms built on command characters (开心, 关心, 调皮, 打开天窗说亮话),
        // statements about oneself and others: none asks for anything.
        "这首歌的歌词写得真好", "空调的声音有点怪", "这个座椅坐着挺舒服", "屏幕好大啊", "灯光效果挺酷的", "这车的音响不错",
        "导航刚才带错路了", "窗外在下雪", "天窗的设计挺好看", "后排空间挺大的", "我喜欢这个颜色的氛围灯", "我小时候也听过这首歌",
        "这歌是哪一年的", "这个歌手我见过", "他唱得一般", "电话那头没声音了", "刚才电话断了", "她说她晚点到", "我们聊聊天吧",
        "你今天心情怎么样", "今天堵车堵得厉害", "这个红灯好长", "前面那辆车好慢", "我昨天看了一部电影", "这个周末我要搬家",
        "公司楼下新开了一家店", "我儿子学会骑车了", "他开车技术不错", "长城有多长", "月亮离地球多远", "今天的新闻你看了吗",
        "足球比赛谁赢了", "我最近在学英语", "这个问题好难", "我刚才在想别的", "我刚打完电话", "我手机快没电了", "今天的晚霞真好看",
        "这首歌我听过好多遍了", "这歌挺老的", "那家餐厅的菜很好吃", "我们下次再来", "等红灯呢", "绿灯了", "前面修路",
        "这个路口经常堵", "你说话挺好听的", "你比以前聪明多了", "谁给你起的名字", "你会不会累", "你喜欢下雨天吗", "你有朋友吗",
        "你住在哪里", "我们是朋友吗", "我今天升职了", "我考试过了", "我好开心", "我有点紧张", "我有点担心", "这事儿真麻烦",
        "算了不说了", "这个不重要", "下次吧", "我改主意了", "嗯先这样", "好吧好吧", "行吧", "没问题", "对对对", "是的没错",
        "那倒是", "我也觉得", "太好了", "真厉害", "哇塞", "天哪", "完了完了", "糟糕", "哎呀", "对不起", "我错了", "别生气",
        "逗你玩的", "你别当真", "我家的空调坏了", "办公室的空调太冷了", "我家的灯该换了", "我同事的车也有天窗", "我以前的车没有座椅加热",
        "他家的音响很贵", "窗户外面有只鸟", "那个灯塔好漂亮", "路灯都亮了", "前面的车开着远光灯真讨厌", "我刚才关门的时候夹到手了",
        "上次开空调的时候有股味道", "我在听播客", "这个电台的主持人挺逗的", "这首歌在排行榜第一", "这部电影的音乐是谁做的",
        "我最近迷上了爵士乐", "打开天窗说亮话", "我关心你", "别开玩笑", "他很调皮", "孩子开学了", "关键是什么", "这事儿开不了口",
        "上下班好累", "左右为难", "关你什么事", "我晚点给她打电话", "他昨天给我打过电话", "温度这个词英语怎么说", "声音大小无所谓",
        "座位还挺宽的", "窗户上有个虫子", "灯是谁设计的", "这个导航的声音是谁配的", "后备箱里有什么",
    ];

    public static readonly string[] EnOutOfDomain =
    [
        "what a lovely day it is", "what's your name", "tell me a joke", "i'm so tired today", "never mind", "forget it", "no thanks",
        "hello", "thank you", "what time is it", "will it rain tomorrow", "how are you", "that song was great", "traffic is terrible",
        "i'm hungry", "what day is it", "you are smart", "okay", "hmm", "haha", "cancel", "nothing", "let me think", "wait a second",
        "who are you", "what do you mean", "i don't know", "who invented air conditioning", "the view outside the window is nice",
        "this car drives really well", "did you watch the game", "how are the stocks doing", "drive safe", "good night", "good morning",
        "what's your favorite color", "i have a meeting tomorrow", "no no no", "just talking to myself", "can you sing",
        "how hot is it outside", "gas prices are up again", "where should we go this weekend", "is this seat leather",
        "my daughter has an exam today", "do you understand me", "how big is the earth", "what's the capital of france",
        "nevermind", "that's all", "sorry, wrong button", "i was talking to my friend",
        "leave it", "that's it", "i love it", "you heard me", "just kidding", "what's the date today", "how old are you",
        "is there traffic ahead", "i've never driven this road", "do you remember me", "where are we", "what do you think",
        "why hasn't he texted back", "what's for dinner", "i'm starving", "who sings this song", "do you speak chinese",
        "stop talking", "be quiet for a while", "you're amazing", "work was so busy today", "the kids are asleep", "are we there yet",
        "i need a moment", "how does this feature work", "where is the manual", "how much is this car", "how long will the battery last",
        "can you hear me", "that guy was driving too fast", "can you cook", "is tomorrow a holiday", "i have to work this weekend",
        "i didn't sleep well", "are you a robot", "help me think", "i forgot my keys", "looks like it's raining", "nice view here",
        "long time no see", "it doesn't matter", "whatever", "not now", "maybe later",
        "let's see", "sounds good", "all good", "never mind that", "hold on", "one moment", "i'm fine",
        "it's fine", "no worries", "that's okay", "good job", "well done", "hang on", "not yet", "i'm thinking", "what was that",
        "say that again", "pardon", "excuse me", "my bad", "oops", "got it", "i see", "interesting", "really", "i'll do it myself",
        "leave me alone", "i'm on the phone", "i'm driving", "i'm in a bad mood", "we'll see", "let me check", "sure thing",
        "hold up", "just a sec", "give me a minute", "one sec", "wait for it", "i'm busy right now", "i'm talking to someone", "be right back",
        "i'll be back", "take care", "careful now", "watch out", "i want some quiet", "i need a break", "let me rest", "the phone is ringing",
        "who was that on the phone", "i'm listening", "i'm thirsty", "nice music", "the screen is dusty",
        "back in a minute",
        // Remarks that name car or media words, idioms built on command words ("turned down the offer", "that was close"),
        // statements about oneself and others: none asks for anything.
        "the lyrics of this song are great", "the ac makes a weird noise", "the seat feels comfortable", "the screen is huge",
        "the sound system in this car is good", "the navigation took a weird route earlier", "it's snowing outside",
        "the sunroof looks nice", "lots of room in the back", "i like the color of the ambient lights", "i heard this song as a kid",
        "what year is this song from", "i met this singer once", "the call dropped earlier", "she said she'll be late",
        "let's just chat", "how are you feeling today", "traffic is crazy today", "this red light takes forever",
        "the car in front is so slow", "i watched a movie yesterday", "i'm moving this weekend", "a new shop opened near my office",
        "my son learned to ride a bike", "he's a good driver", "how long is the great wall", "how far away is the moon",
        "did you see the news today", "who won the soccer game", "i'm learning spanish", "this question is hard",
        "i was thinking about something else", "i just got off the phone", "my phone is almost dead", "the sunset is beautiful",
        "i've heard this song a hundred times", "that restaurant was great", "let's come back another time", "we're stuck at a red light",
        "the light turned green", "road work ahead", "your voice sounds nice", "you're smarter than before", "who named you",
        "do you ever get tired", "do you like rainy days", "do you have friends", "where do you live", "are we friends",
        "i got promoted today", "i passed my exam", "i'm so happy", "i'm a little nervous", "i'm worried", "what a hassle",
        "forget i said anything", "it's not important", "next time", "i changed my mind", "let's leave it there", "fine fine",
        "no problem", "yes exactly", "i agree", "great", "wow", "oh my god", "oh no", "sorry about that", "my mistake",
        "don't be mad", "don't take it seriously", "my home ac is broken", "the office was freezing today",
        "my old car didn't have seat heating", "the city lights look pretty tonight", "i closed the door on my finger",
        "the guy in front has his high beams on", "that lighthouse is beautiful", "the street lights are on already",
        "i'm listening to a podcast these days", "this radio host is funny", "this song topped the charts",
        "who did the music for that movie", "i've been into jazz lately", "he didn't turn up", "she turned down the job offer",
        "let's turn in early tonight", "the game is on tonight", "i'm up for it", "count me in", "i'm off tomorrow",
        "back in the day", "i'll back you up", "that was close", "it's up to you", "what's up", "hang in there", "on my way",
        "we're running late", "i'll call her later", "he called me yesterday", "she's calling the shots", "music to my ears",
        "the seat is pretty wide", "there's a bug on the window", "who designed these lights", "whose voice is the navigation",
        "what's in the trunk", "the volume doesn't matter", "how do you spell temperature",
    ];

    /// <summary>Words that carry no request, inserted at random so unseen phrasings do not trigger tags.</summary>
    public static readonly string[] EnDistractors =
    [
        "really", "actually", "maybe", "just", "kind", "of", "sort", "basically", "definitely", "quickly", "gonna", "wanna", "already",
        "still", "though", "anyway", "honestly", "literally", "probably", "seriously", "ahead", "go", "let", "me", "see", "okay", "yeah",
        "hmm", "oh", "well", "there", "here", "thing", "stuff", "quick", "very", "super", "pretty", "nice", "good", "cool", "man", "dude",
        "buddy", "sir", "hi", "yo", "alright", "fine", "sure", "like", "mean", "guess", "think", "know", "wait", "umm", "ah", "gosh",
        "perhaps", "kindly", "immediately", "soon", "buddy,", "friend", "darling", "honey", "listen", "look", "so", "err",
    ];

    public static readonly string[] ZhDistractors =
    [
        "就", "那", "这个", "然后", "呢", "嘛", "啊", "哦", "嗯", "就是说", "其实", "反正", "赶紧", "快点", "马上", "先", "那个啥", "话说",
        "对了", "顺手", "麻烦你", "拜托", "好像", "可能", "亲", "哎呀", "我说", "你看", "咱们", "宝贝", "稍等", "好吧", "行吧", "呀",
    ];

    public static readonly string[] ZhOodFrames = ["{fn}是什么", "{fn}坏了吗", "这个{fn}怎么样", "{fn}在哪里", "为什么{fn}这么贵", "我不喜欢这个{fn}", "{fn}是干什么用的", "{fn}好用吗", "我朋友的车也有{fn}", "{fn}要多少钱"];

    public static readonly string[] EnOodFrames = ["what is the {fn}", "is the {fn} broken", "how does the {fn} work", "where is the {fn}", "i like this {fn}", "the {fn} looks old", "who made the {fn}", "does the {fn} cost extra", "my friend's car has a {fn} too", "the {fn} is nice"];

    public static readonly string[] ZhNoiseChars = ["的", "了", "是", "我", "你", "他", "这", "那", "啊", "嗯", "好", "不", "有", "在", "人", "大", "小", "上", "下", "一"];

    public static readonly string[] EnNoiseWords = ["the", "a", "and", "so", "but", "it", "is", "that", "oh", "yeah", "right", "well", "no", "yes", "hmm", "just"];
}
