namespace CareReview.Web.Demo;

/// <summary>
/// Fills in what the DfE return asks beyond the episode codes (ethnicity, UPN, mother, disability,
/// UASC, and each placement's provider, postcodes and URN) so that the demo council's return passes the
/// app's own checks. Postcodes use real West Yorkshire districts with made-up units, as the DfE's
/// postcode rules expect real districts; no real address is meant.
/// </summary>
public static class DemoReturnDetails
{
    private static readonly (Ethnicity Code, double Share)[] s_ethnicities =
    [
        (Ethnicity.WBRI, 0.66), (Ethnicity.WOTH, 0.05), (Ethnicity.WROM, 0.01), (Ethnicity.MWBC, 0.04), (Ethnicity.MWBA, 0.02),
        (Ethnicity.MWAS, 0.02), (Ethnicity.MOTH, 0.03), (Ethnicity.AIND, 0.01), (Ethnicity.APKN, 0.04), (Ethnicity.ABAN, 0.01),
        (Ethnicity.AOTH, 0.01), (Ethnicity.BCRB, 0.01), (Ethnicity.BAFR, 0.04), (Ethnicity.BOTH, 0.01), (Ethnicity.CHNE, 0.01),
        (Ethnicity.OOTH, 0.02), (Ethnicity.NOBT, 0.01),
    ];

    private static readonly string[] s_homeDistricts = ["LS6", "LS7", "LS8", "LS9", "LS10", "LS11", "LS12", "LS13", "LS14", "LS15"];
    private static readonly string[] s_awayDistricts = ["BD3", "BD7", "WF1", "WF3", "HX1", "HD1", "YO24", "M14"];

    // Postcode units never use C, I, K, M, O or V.
    private const string UnitLetters = "ABDEFGHJLNPQRSTUWXYZ";

    public static void Fill(Child child, Random random, DateOnly today)
    {
        var isGirl = child.Sex == Sex.F;
        var ageNow = child.AgeOn(today);
        var isMother = isGirl && ageNow >= 15 && random.NextDouble() < 0.04;
        var shortBreaksOnly = child.Episodes.All(e => e.LegalStatus.IsShortBreak());
        var uasc = !isGirl && ageNow >= 15 && !shortBreaksOnly && random.NextDouble() < 0.12;
        child.RecordReturnDetails(new ChildReturnDetails(
            Ethnicity: uasc ? Pick(random, [Ethnicity.BAFR, Ethnicity.AOTH, Ethnicity.OOTH]) : EthnicityFor(random),
            Upn: child.AgeOn(child.Episodes[0].StartedOn) < 5 && ageNow < 5 ? "UN1" : UpnFor(random),
            // SSDA903 rule 399: MOTHER is left blank when every episode is a short break.
            IsMother: isGirl && !shortBreaksOnly ? isMother : null,
            // Asked only when MOTHER is: a young mother on short breaks alone has neither (rules 399 and 174).
            MothersChildBornOn: isMother && !shortBreaksOnly ? today.AddDays(-random.Next(30, 400)) : null,
            HasDisability: shortBreaksOnly || child.Episodes[0].CategoryOfNeed == CategoryOfNeed.N2 || random.NextDouble() < 0.08,
            IsUasc: uasc,
            UascCeasedOn: null), today);

        var home = Postcode(random, s_homeDistricts);
        PlacementDetails? previous = null;
        foreach (var episode in child.Episodes.OrderBy(e => e.StartedOn))
        {
            if (episode.ReasonForNewEpisode == ReasonForNewEpisode.S)
            {
                home = Postcode(random, s_homeDistricts);
            }

            // A change of legal status alone keeps the placement (SSDA903 rule 434).
            var details = episode.ReasonForNewEpisode == ReasonForNewEpisode.L && previous is not null
                ? previous
                : PlacementFor(random, episode.PlacementType, home);
            child.CorrectPlacement(episode, details);
            previous = episode.Placement;
        }
    }

    private static PlacementDetails PlacementFor(Random random, PlacementType type, string home)
    {
        var provider = type.ProviderNotRequired() ? (PlacementProvider?)null : type switch
        {
            PlacementType.P1 => PlacementProvider.PR0,
            PlacementType.K1 or PlacementType.K2 or PlacementType.K3 or PlacementType.S1 =>
                random.NextDouble() < 0.7 ? PlacementProvider.PR4 : PlacementProvider.PR1,
            PlacementType.U4 or PlacementType.U5 or PlacementType.U6 =>
                random.NextDouble() < 0.55 ? PlacementProvider.PR1 : PlacementProvider.PR4,
            _ => PlacementProvider.PR1,
        };
        var placement = type == PlacementType.P1 ? home
            : Postcode(random, random.NextDouble() < 0.75 ? s_homeDistricts : s_awayDistricts);
        while (placement == home && type != PlacementType.P1)
        {
            placement = Postcode(random, s_homeDistricts);
        }

        var urn = type.UrnNotRequired() ? null : $"SC{random.Next(100000, 1000000)}";
        return new PlacementDetails(provider, home, placement, urn);
    }

    private static Ethnicity EthnicityFor(Random random)
    {
        var roll = random.NextDouble() * s_ethnicities.Sum(e => e.Share);
        foreach (var (code, share) in s_ethnicities)
        {
            roll -= share;
            if (roll <= 0)
            {
                return code;
            }
        }

        return Ethnicity.WBRI;
    }

    // A made-up UPN of the right shape: a letter (not I, O or S) and 12 digits. Real UPNs carry a check letter we do not compute.
    private static string UpnFor(Random random)
    {
        const string letters = "ABCDEFGHJKLMNPQRTUVWXYZ";
        var digits = string.Concat(Enumerable.Range(0, 12).Select(_ => (char)('0' + random.Next(10))));
        return letters[random.Next(letters.Length)] + digits;
    }

    private static string Postcode(Random random, string[] districts) =>
        $"{Pick(random, districts)} {random.Next(1, 10)}{UnitLetters[random.Next(UnitLetters.Length)]}{UnitLetters[random.Next(UnitLetters.Length)]}";

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
