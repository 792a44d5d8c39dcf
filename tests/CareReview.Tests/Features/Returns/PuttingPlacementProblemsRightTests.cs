using CareReview.Domain;
using CareReview.Domain.Children;
using CareReview.Domain.Returns;
using CareReview.Tests.Support;
using CareReview.Web.Features.Deadlines;
using CareReview.Web.Features.Returns;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Returns;

/// <summary>
/// A problem on the return with an episode's placement details (PLACE_PROVIDER, HOME_POST, PL_POST, URN)
/// links to that episode's placement page; other episode problems link to the child.
/// </summary>
public sealed class PuttingPlacementProblemsRightTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(Child Child, ReturnFiles Files)> AChildWhoMovedAsync()
    {
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 5, 1));
        await app.ExecuteDbAsync(async db =>
        {
            var loaded = await db.Children.WithDeadlineFacts().SingleAsync(c => c.Id == child.Id);
            loaded.ChangeEpisode(new DateOnly(2026, 9, 1), LegalStatus.C2, PlacementMove.NewCarers, PlacementType.K2, ReasonForPlacementChange.CREQB,
                app.Today, app.Rules);
        });
        return await app.QueryDbAsync(async db => (
            await db.Children.Include(c => c.Episodes).AsNoTracking().SingleAsync(c => c.Id == child.Id),
            await ReturnData.LoadAsync(db, new FinancialYear(2027))));
    }

    [Theory]
    [InlineData("PLACE_PROVIDER")]
    [InlineData("HOME_POST")]
    [InlineData("PL_POST")]
    [InlineData("URN")]
    public async Task A_placement_problem_links_to_its_episodes_placement_details(string field)
    {
        var (child, files) = await AChildWhoMovedAsync();
        var line = files.Tables.Episodes.Single(r => r.Child == child.LocalId && r.Rne == "P").Line;
        var problem = new ReturnProblem("526", "Episodes", line, child.LocalId, field, "Placement detail missing");

        var episodes = IndexModel.PlacementEpisodes([problem], files.Tables, [child]);

        var moved = child.Episodes.Single(e => e.ReasonForNewEpisode == ReasonForNewEpisode.P);
        Assert.Equal($"/children/{child.Id}/episodes/{moved.Id}/placement", IndexModel.PutItRightHref(problem, child.Id, episodes));
    }

    [Fact]
    public async Task Other_episode_problems_link_to_the_child_and_header_problems_to_the_childs_return_details()
    {
        var (child, files) = await AChildWhoMovedAsync();
        var line = files.Tables.Episodes.Single(r => r.Child == child.LocalId && r.Rne == "S").Line;
        var dates = new ReturnProblem("433", "Episodes", line, child.LocalId, "DECOM", "Dates do not chain");
        var header = new ReturnProblem("103", "Header", 2, child.LocalId, "ETHNIC", "Ethnicity missing");

        var episodes = IndexModel.PlacementEpisodes([dates, header], files.Tables, [child]);

        Assert.Empty(episodes);
        Assert.Equal($"/children/{child.Id}", IndexModel.PutItRightHref(dates, child.Id, episodes));
        Assert.Equal($"/children/{child.Id}/return-details", IndexModel.PutItRightHref(header, child.Id, episodes));
    }
}
