using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareReview.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RecommendationMadeOn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "MadeOn",
                table: "Recommendations",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // Recommendations made before this column existed were made on the day of their review.
            migrationBuilder.Sql("""
                UPDATE "Recommendations" SET "MadeOn" = (SELECT r."HeldOn" FROM "Reviews" r WHERE r."Id" = "Recommendations"."ReviewId")
                WHERE EXISTS (SELECT 1 FROM "Reviews" r WHERE r."Id" = "Recommendations"."ReviewId" AND r."HeldOn" IS NOT NULL);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MadeOn",
                table: "Recommendations");
        }
    }
}
