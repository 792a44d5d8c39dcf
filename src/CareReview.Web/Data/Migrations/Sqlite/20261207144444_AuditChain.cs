using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareReview.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "AuditEvents",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "AuditEvents",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "AuditEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditChainHead",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    LastHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    StartedAfterId = table.Column<long>(type: "INTEGER", nullable: false),
                    EarlierRows = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditChainHead", x => x.Id);
                    table.CheckConstraint("CK_AuditChainHead_OnlyOne", "\"Id\" = 1");
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_Sequence",
                table: "AuditEvents",
                column: "Sequence",
                unique: true);

            // The chain begins after the rows already written, which no one can now vouch for: they are counted, so that
            // one deleted or added later is noticed, but not hashed (ADR-0023).
            migrationBuilder.Sql("""
                INSERT INTO "AuditChainHead" ("Id", "LastSequence", "LastHash", "StartedAfterId", "EarlierRows", "StartedAtUtc")
                SELECT 1, 0, NULL, COALESCE(MAX("Id"), 0), COUNT(*), strftime('%Y-%m-%d %H:%M:%f', 'now') FROM "AuditEvents";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditChainHead");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_Sequence",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "PreviousHash",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "AuditEvents");
        }
    }
}
