using Cockpit.Understanding.Text;

namespace Cockpit.Understanding.Tests.Text;

public class EditDistanceTests
{
    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("导航去公司", "导航到公司", 1)]
    [InlineData("same", "same", 0)]
    public void Between_Strings_FewestEdits(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Between(a.AsSpan(), b.AsSpan()));
    }

    [Fact]
    public void Between_Words_CountsWholeWords()
    {
        string[] reference = ["turn", "on", "the", "fan"];
        string[] heard = ["turn", "the", "fan", "up"];

        Assert.Equal(2, EditDistance.Between<string>(reference, heard));
    }
}
