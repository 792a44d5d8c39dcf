using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;

namespace CareReview.Domain.Returns;

/// <summary>A problem that stops a row (or a whole file) loading: where it is, and what is wrong, in plain words.</summary>
public sealed record ImportProblem(string File, int Line, string? Field, string? Child, string Message, string? RuleCode = null)
{
    /// <summary>As the command line prints it: <c>episodes.csv:14: PLACE: Placement type code is not a valid code. (rule 146)</c>.</summary>
    public override string ToString() =>
        $"{File}:{Line}: {(Field is null ? "" : Field + ": ")}{Message}{(RuleCode is null ? "" : $" (rule {RuleCode})")}";
}

/// <summary>The files of one year's return as the council's old system wrote them, by file name.</summary>
public sealed record ReturnFileSet(IReadOnlyDictionary<string, byte[]> Files)
{
    public const string HeaderFile = "header.csv";
    public const string EpisodesFile = "episodes.csv";
    public const string ReviewsFile = "reviews.csv";

    /// <summary>Not a DfE file: the children's names, which the return does not carry (CHILD, GIVEN_NAME, FAMILY_NAME).</summary>
    public const string NamesFile = "names.csv";

    public static IReadOnlyList<string> NameColumns { get; } = ["CHILD", "GIVEN_NAME", "FAMILY_NAME"];

    /// <summary>The files this import reads; the DfE's other files are named in <see cref="ImportPlan.Ignored"/>.</summary>
    public static IReadOnlyList<string> Known { get; } = [HeaderFile, EpisodesFile, ReviewsFile, NamesFile];

    public byte[]? this[string name] => Files.TryGetValue(name, out var bytes) ? bytes : null;
}

/// <summary>
/// What an import would load: every child read from the files, and every problem found. When there are
/// problems nothing loads unless the user asks for the clean children only; a problem with a whole file
/// stops everything.
/// </summary>
public sealed record ImportPlan(
    FinancialYear Year,
    IReadOnlyList<Child> Children,
    IReadOnlyList<ImportProblem> Problems,
    IReadOnlySet<string> ChildrenWithProblems,
    bool FileProblems,
    IReadOnlyList<string> Ignored)
{
    public bool IsClean => Problems.Count == 0;

    /// <summary>The children with no problem in any row of either year's files.</summary>
    public IEnumerable<Child> CleanChildren => FileProblems ? [] : Children.Where(c => !ChildrenWithProblems.Contains(c.LocalId));
}

/// <summary>
/// Reads a year's return (and, optionally, the year before's) into children, checking every row first:
/// the files' form, the DfE rules the app checks (<see cref="ReturnChecks"/>), and what a child's record
/// must hold together. Each problem names its file, line and field. Strings and bytes only: finding the
/// files and saving the children is the caller's job.
/// </summary>
public static class ReturnImport
{
    private const string PreviousSuffix = " (previous year)";

    public static ImportPlan Plan(ReturnFileSet current, ReturnFileSet? previous, FinancialYear? year, DateOnly today, Rulebook rules)
    {
        var problems = new List<ImportProblem>();
        var ignored = current.Files.Keys.Concat(previous?.Files.Keys ?? []).Where(n => !ReturnFileSet.Known.Contains(n, StringComparer.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        var tables = Read(current, "", problems);
        var lastTables = previous is null ? null : Read(previous, PreviousSuffix, problems);
        var names = current[ReturnFileSet.NamesFile] is { } namesBytes ? Ssda903Csv.Read(namesBytes, ReturnFileSet.NameColumns) : null;
        foreach (var problem in names?.Problems ?? [])
        {
            problems.Add(new(ReturnFileSet.NamesFile, problem.Line, null, null, problem.Message));
        }

        var collection = year ?? (tables is null ? null : Infer(tables));
        if (tables is null || (previous is not null && lastTables is null) || names is { IsReadable: false } || collection is null)
        {
            if (collection is null && tables is not null)
            {
                problems.Add(new(ReturnFileSet.EpisodesFile, 1, null, null, "The files hold no dates to tell which year they are for. Give the year."));
            }

            return new(collection ?? FinancialYear.Containing(today), [], problems, new HashSet<string>(), true, ignored);
        }

        tables = tables with { HeaderLast = lastTables?.Header ?? [], EpisodesLast = lastTables?.Episodes ?? [] };
        problems.AddRange(ReturnChecks.Run(tables, collection).Select(p => FromCheck(p, "")));
        if (lastTables is not null)
        {
            problems.AddRange(ReturnChecks.Run(lastTables, collection.Previous).Select(p => FromCheck(p, PreviousSuffix)));
        }

        var children = Build(tables, lastTables, names, today, rules, problems);
        var withProblems = problems.Where(p => p.Child is not null).Select(p => p.Child!).ToHashSet(StringComparer.Ordinal);
        return new(collection, children, problems, withProblems, false, ignored);
    }

    /// <summary>The year whose 31 March is on or after every date in the files: the latest date falls in it.</summary>
    private static FinancialYear? Infer(ReturnTables tables)
    {
        var dates = tables.Episodes.SelectMany(e => new[] { e.Decom, e.Dec }).Concat(tables.Reviews.Select(r => r.Review)).OfType<DateOnly>().ToList();
        return dates.Count == 0 ? null : FinancialYear.Containing(dates.Max());
    }

    private static ReturnTables? Read(ReturnFileSet set, string suffix, List<ImportProblem> problems)
    {
        var header = ReadFile(set, ReturnFileSet.HeaderFile, ReturnColumns.Header, suffix, problems);
        var episodes = ReadFile(set, ReturnFileSet.EpisodesFile, ReturnColumns.Episodes, suffix, problems);
        var reviews = ReadFile(set, ReturnFileSet.ReviewsFile, ReturnColumns.Reviews, suffix, problems);
        return header is null || episodes is null || reviews is null ? null : ReturnTables.FromFiles(header, episodes, reviews);
    }

    private static Ssda903File? ReadFile(ReturnFileSet set, string name, IReadOnlyList<string> columns, string suffix, List<ImportProblem> problems)
    {
        if (set[name] is not { } bytes)
        {
            problems.Add(new(name + suffix, 0, null, null, $"There is no {name}. The return needs header.csv, episodes.csv and reviews.csv."));
            return null;
        }

        var file = Ssda903Csv.Read(bytes, columns);
        problems.AddRange(file.Problems.Select(p => new ImportProblem(name + suffix, p.Line, null, null, p.Message)));
        return file.IsReadable ? file : null;
    }

    private static ImportProblem FromCheck(ReturnProblem p, string suffix) =>
        new($"{p.Table.ToLowerInvariant()}.csv{suffix}", p.Line, p.Field, p.ChildLocalId, p.Message, p.Code);

    private static List<Child> Build(ReturnTables tables, ReturnTables? last, Ssda903File? names, DateOnly today, Rulebook rules, List<ImportProblem> problems)
    {
        var nameRows = (names?.Rows ?? []).GroupBy(r => r["CHILD"], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var headers = new Dictionary<string, (HeaderRow Row, string File)>(StringComparer.Ordinal);
        foreach (var (row, file) in (last?.Header ?? []).Select(r => (r, ReturnFileSet.HeaderFile + PreviousSuffix))
            .Concat(tables.Header.Select(r => (r, ReturnFileSet.HeaderFile))))
        {
            if (headers.TryGetValue(row.Child, out var seen) && seen.File == file)
            {
                problems.Add(new(file, row.Line, "CHILD", row.Child, $"{row.Child} has more than one row in the header (line {seen.Row.Line})."));
                continue;
            }

            // This year's details win over last year's, which fill only what this year leaves blank: a UPN may
            // have been corrected since, and MOTHER is blank in a year of short breaks only.
            headers[row.Child] = seen.Row is null ? (row, file)
                : (row with { Raw = row.Raw.ToDictionary(p => p.Key, p => p.Value.Length > 0 ? p.Value : seen.Row.Value(p.Key), StringComparer.Ordinal) }, file);
        }

        foreach (var (row, file) in Rows(tables.Episodes, last?.Episodes, ReturnFileSet.EpisodesFile)
            .Concat(Rows(tables.Reviews, null, ReturnFileSet.ReviewsFile)).Where(r => !headers.ContainsKey(r.Row.Child)))
        {
            problems.Add(new(file, row.Line, "CHILD", row.Child, $"{row.Child} has no row in header.csv."));
        }

        var episodesByChild = Rows(tables.Episodes, last?.Episodes, ReturnFileSet.EpisodesFile)
            .GroupBy(r => r.Row.Child, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var reviewsByChild = Rows(tables.Reviews, last?.Reviews, ReturnFileSet.ReviewsFile)
            .GroupBy(r => r.Row.Child, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        // Looked up once a child: a search of the problems for each child took minutes with 100,000 of them.
        // Each child's own problems below are added after its look-up, so the set need not follow them.
        var withProblems = problems.Where(p => p.Child is not null).Select(p => p.Child!).ToHashSet(StringComparer.Ordinal);
        var children = new List<Child>();
        foreach (var (localId, (header, headerFile)) in headers.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            if (localId.Length is 0 or > 20)
            {
                problems.Add(new(headerFile, header.Line, "CHILD", localId, "The child's identifier must be 1 to 20 characters."));
                continue;
            }

            // This year's row of an episode or review wins over last year's: it was open then, and has since ended.
            var episodes = Latest(episodesByChild.GetValueOrDefault(localId) ?? [], r => ((EpisodeRow)r).Decom);
            var reviews = Latest(reviewsByChild.GetValueOrDefault(localId) ?? [], r => ((ReviewRow)r).Review);
            if (withProblems.Contains(localId))
            {
                continue;
            }

            try
            {
                var returnedEpisodes = episodes.Select(e => Episode((EpisodeRow)e.Row)).ToList();
                var returnedReviews = reviews.Select(r => Review((ReviewRow)r.Row)).ToList();
                var (given, family) = nameRows.TryGetValue(localId, out var name) && name["GIVEN_NAME"].Length > 0 && name["FAMILY_NAME"].Length > 0
                    ? (Title(name["GIVEN_NAME"]), Title(name["FAMILY_NAME"]))
                    : (UnnamedGivenName, localId);
                children.Add(Child.FromReturn(localId, given, family, header.Dob!.Value, Code<Sex>(header.Value("SEX")), Details(header),
                    returnedEpisodes, returnedReviews, today, rules));
            }
            catch (DomainRuleException e)
            {
                var (row, file) = WhereFrom(e.Field, header, headerFile, episodes, reviews);
                problems.Add(new(file, row.Line, e.Field is null ? null : Column(e.Field), localId, e.Message.TrimEnd('.') + "."));
            }
            catch (FormatException e)
            {
                problems.Add(new(headerFile, header.Line, null, localId, e.Message));
            }
        }

        return children;
    }

    /// <summary>Given to children the names file does not name; the family name is their identifier, so each stays distinct.</summary>
    public const string UnnamedGivenName = "Unnamed";

    private static IEnumerable<(ReturnRow Row, string File)> Rows(IEnumerable<ReturnRow> current, IEnumerable<ReturnRow>? last, string file) =>
        (last ?? []).Select(r => (r, file + PreviousSuffix)).Concat(current.Select(r => (r, file)));

    private static List<(ReturnRow Row, string File)> Latest(List<(ReturnRow Row, string File)> rows, Func<ReturnRow, DateOnly?> key) =>
        [.. rows.GroupBy(r => key(r.Row)).Select(g => g.Last()).OrderBy(r => key(r.Row))];

    private static ReturnedEpisode Episode(EpisodeRow row) => new(
        row.Decom!.Value,
        Code<ReasonForNewEpisode>(row.Rne),
        Code<LegalStatus>(row.Ls),
        Code<CategoryOfNeed>(row.Value("CIN")),
        Code<PlacementType>(row.Value("PLACE")),
        new PlacementDetails(OptionalCode<PlacementProvider>(row.Value("PLACE_PROVIDER")), Blank(row.Value("HOME_POST")),
            Blank(row.Value("PL_POST")), Blank(row.Value("URN"))),
        row.Dec,
        OptionalCode<ReasonEpisodeCeased>(row.Rec),
        OptionalCode<ReasonForPlacementChange>(row.Value("REASON_PLACE_CHANGE")));

    private static ReturnedReview Review(ReviewRow row) => new(row.Review!.Value, OptionalCode<ParticipationCode>(row.Code));

    private static ChildReturnDetails Details(HeaderRow header) => new(
        OptionalCode<Ethnicity>(header.Value("ETHNIC")),
        Blank(header.Value("UPN")),
        header.Value("MOTHER") switch { "1" => true, "0" => false, _ => null },
        Ssda903Csv.ParseDate(header.Value("MC_DOB")),
        null,
        false,
        null);

    // The rules have already refused unknown codes, so a code here that does not parse is a bug, not bad input.
    private static T Code<T>(string value) where T : struct, Enum =>
        OptionalCode<T>(value) ?? throw new FormatException($"'{value}' is not a {typeof(T).Name} code.");

    private static T? OptionalCode<T>(string value) where T : struct, Enum =>
        value.Length == 0 ? null
        : Enum.GetNames<T>().Contains(value, StringComparer.Ordinal) ? Enum.Parse<T>(value)
        : throw new FormatException($"'{value}' is not a {typeof(T).Name} code.");

    private static string? Blank(string value) => value.Length == 0 ? null : value;

    // Values are upper-cased when read; names are shown as people write them.
    private static string Title(string name) =>
        string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => string.Join('-', w.Split('-').Select(p => p.Length == 0 ? p : p[0] + p[1..].ToLowerInvariant()))));

    private static (ReturnRow Row, string File) WhereFrom(string? field, HeaderRow header, string headerFile,
        List<(ReturnRow Row, string File)> episodes, List<(ReturnRow Row, string File)> reviews) =>
        field switch
        {
            "REVIEW" when reviews.Count > 0 => reviews[0],
            "DECOM" or "DEC" or "REC" or "RNE" or "Provider" or "Urn" or "HomePostcode" or "PlacementPostcode" when episodes.Count > 0 => episodes[0],
            _ => (header, headerFile),
        };

    private static string Column(string field) => field switch
    {
        "Provider" => "PLACE_PROVIDER",
        "HomePostcode" => "HOME_POST",
        "PlacementPostcode" => "PL_POST",
        "Urn" => "URN",
        "Upn" => "UPN",
        "IsMother" => "MOTHER",
        "MothersChildBornOn" => "MC_DOB",
        "GivenName" or "FamilyName" => "CHILD",
        _ => field,
    };
}
