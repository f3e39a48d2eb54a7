using System.Collections.Frozen;
using System.Text;

namespace Cockpit.Speech.Recognition;

/// <summary>
/// Normalises what Whisper writes for Mandarin: Traditional characters to Simplified (Whisper often writes
/// Traditional for Mandarin audio), full-width ASCII forms (digits, letters, punctuation) to ASCII, the ideographic
/// space to a space, and no spaces between two Chinese characters.
/// </summary>
/// <remarks>
/// No NuGet converter fits here (the well-kept ones need native OpenCC or Windows APIs), so the table covers the
/// characters of the action catalog, the HMI content and common spoken command words whose Traditional form
/// differs — every character the understanding model can use, not the whole language.
/// </remarks>
internal static class ChineseTextNormalizer
{
    /// <summary>Pairs of Traditional then Simplified characters.</summary>
    internal const string Pairs =
        "東东個个為为樂乐書书優优偉伟倫伦體体側侧傾倾關关蘭兰內内減减擊击劉刘製制動动務务醫医華华單单壓压雙双發发髮发變变" +
        "疊叠號号後后聽听啟启啓启響响園园圍围國国圖图場场聲声備备復复複复頭头媽妈孫孙對对導导爾尔簾帘帶带廣广庫库應应張张" +
        "態态總总報报擇择掛挂擋挡換换掃扫攝摄斷断無无時时顯显暫暂機机楊杨傑杰條条來来檔档橋桥檢检歡欢氣气匯汇彙汇潔洁淺浅" +
        "溫温濕湿滅灭燈灯點点煉炼熱热愛爱環环電电盤盘確确穩稳簡简紅红級级線线結结給给絡络統统繼继續续綠绿縫缝網网聯联臉脸" +
        "腳脚藍蓝視视見见規规設设話话詳详語语讀读調调趙赵車车輕轻輛辆邊边運运這这遠远選选鄧邓鎖锁鏡镜門门閃闪閉闭間间閔闵" +
        "隊队陽阳際际陳陈險险陸陆隨随難难霧雾靜静頁页頂顶頻频題题顏颜風风駛驶駕驾黃黄麗丽嚴严僅仅涼凉颳刮隻只週周迴回師师" +
        "開开戶户撥拨灘滩離离係系繫系翹翘錶表裡里裏里於于臺台檯台颱台請请說说們们麼么幫帮謝谢嗎吗會会還还沒没讓让過过從从" +
        "兒儿幾几樣样將将現现當当經经節节轉转數数鐘钟碼码歲岁適适試试錯错誤误並并與与著着專专輯辑藝艺輪轮滿满夠够長长寬宽" +
        "乾干淨净髒脏兩两區区層层標标誌志處处廳厅館馆飯饭銀银晝昼彈弹奏奏嗚呜鬧闹鈴铃槍枪麥麦喚唤點点聞闻訊讯息息頓顿" +
        "廂厢座座墊垫駐驻車车輛辆遙遥測测雷雷達达衛卫導导線线鍵键紐纽鈕钮燒烧溫温暖暖涼凉爐炉扇扇葉叶縮缩擴扩鬆松緊紧" +
        "觀观願愿質质實实該该認认識识錄录覺觉歷历學学習习問问題题嗎吗麼么啦啦";

    private static readonly FrozenDictionary<char, char> TraditionalToSimplified = BuildTable();

    /// <summary>Normalises <paramref name="text"/> (see the type's summary); trims and collapses white space.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var raw in text)
        {
            var c = raw switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(raw - 0xFEE0),
                '\u3000' or '\t' or '\r' or '\n' => ' ',
                _ => raw,
            };
            if (TraditionalToSimplified.TryGetValue(c, out var simplified))
            {
                c = simplified;
            }

            if (c == ' ' && (builder.Length == 0 || builder[^1] == ' '))
            {
                continue;
            }

            builder.Append(c);
        }

        // Whisper sometimes puts spaces between Chinese characters; the understanding model does not expect them.
        for (var i = builder.Length - 2; i > 0; i--)
        {
            if (builder[i] == ' ' && IsCjk(builder[i - 1]) && IsCjk(builder[i + 1]))
            {
                builder.Remove(i, 1);
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>Whether <paramref name="c"/> is a CJK ideograph or CJK punctuation.</summary>
    public static bool IsCjk(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u3000' and <= '\u303F');

    private static FrozenDictionary<char, char> BuildTable()
    {
        var table = new Dictionary<char, char>();
        for (var i = 0; i + 1 < Pairs.Length; i += 2)
        {
            if (Pairs[i] != Pairs[i + 1])
            {
                table[Pairs[i]] = Pairs[i + 1];
            }
        }

        return table.ToFrozenDictionary();
    }
}
