using CareReview.Web.Features.Research;
using Microsoft.Extensions.Configuration;

namespace CareReview.Tests.Features.Research;

public sealed class ResearchSettingsTests
{
    private static IConfiguration With(string? k) =>
        new ConfigurationBuilder().AddInMemoryCollection(k is null ? [] : [new(ResearchSettings.KSetting, k)]).Build();

    [Theory]
    [InlineData(null, 5)]
    [InlineData("5", 5)]
    [InlineData("10", 10)]
    public void K_is_5_unless_the_council_asks_for_more(string? setting, int k)
    {
        Assert.Null(ResearchSettings.Refusal(With(setting)));
        Assert.Equal(k, ResearchSettings.KIn(With(setting)));
    }

    [Theory]
    [InlineData("4", "Research:K must be 5 or more, not 4.")]
    [InlineData("1", "Research:K must be 5 or more, not 1.")]
    [InlineData("five", "Research:K must be a whole number.")]
    public void The_app_refuses_to_start_with_a_smaller_k(string setting, string refusal) =>
        Assert.Equal(refusal, ResearchSettings.Refusal(With(setting)));
}
