namespace CareReview.Tests.Support;

/// <summary>
/// <see cref="AppFactory"/> on a SQLite database file, as the app is deployed, for test classes that send
/// requests at once (see <see cref="TestDatabase.CreateAsync"/>). On PostgreSQL it is the same as AppFactory.
/// </summary>
public sealed class AppOnFile() : AppFactory(new Dictionary<string, string?>(), StartsAt, sqliteOnFile: true);
