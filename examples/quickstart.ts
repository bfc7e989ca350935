/**
 * sparkts quickstart: a small dataset, a few transformations, a join and an aggregate, printed with show(); then
 * a main job of a million rows whose stages are printed, with a progress bar on the terminal while it runs.
 *
 *   npm start                                      # the embedded engine (no server needed)
 *   SPARK_REMOTE=sc://127.0.0.1:15002 npm start    # a Spark 4.1.1 Connect server
 */
import { avg, col, count, lit, max, SparkSession, sum, terminalProgressBar, when } from "../runtime/index.js";
import { JobStages } from "./job-stages.js";

const spark = await SparkSession.builder().appName("sparkts quickstart").getOrCreate();
// A bar on standard error once a job has run for a second (on a terminal only), and a record of each job's stages.
const jobStages = new JobStages();
spark.registerProgressHandler(terminalProgressBar());
spark.registerProgressHandler(jobStages.handler);

try {
  console.log(`Running on ${spark.backend.kind === "remote" ? "Spark Connect" : "the embedded engine"}.`);

  // JS has one number type, so 5200 would be inferred as a long; a DDL schema says what each column is.
  const employees = spark.createDataFrame(
    [
      { id: 1, name: "Ada", deptId: 10, salary: 5200, hired: new Date("2019-03-01T00:00:00Z") },
      { id: 2, name: "Ben", deptId: 20, salary: 4100, hired: new Date("2021-07-15T00:00:00Z") },
      { id: 3, name: "Cy", deptId: 10, salary: 6100, hired: new Date("2017-11-20T00:00:00Z") },
      { id: 4, name: "Di", deptId: 30, salary: 3900, hired: new Date("2023-01-09T00:00:00Z") },
      { id: 5, name: "Ed", deptId: 20, salary: 4700, hired: new Date("2020-05-30T00:00:00Z") },
    ],
    "id int, name string, deptId int, salary double, hired timestamp",
  );
  const departments = spark.createDataFrame(
    [
      [10, "Research"],
      [20, "Sales"],
      [30, "Legal"],
    ],
    "deptId int, dept string",
  );

  console.log("Employees:");
  await employees.show();
  await employees.printSchema();

  // Transformations are lazy: each call returns a new DataFrame.
  const banded = employees
    .withColumn("band", when(col("salary").ge(5000), "senior").otherwise("regular"))
    .withColumn("monthly", col("salary").divide(12).cast("decimal(10,2)"))
    .filter(col("name").isin("Ada", "Ben", "Cy", "Ed"));

  console.log("With a salary band, joined to departments:");
  const joined = banded.join(departments, "deptId", "inner").select("name", "dept", "band", "monthly");
  await joined.orderBy("dept", col("monthly").desc()).show();

  console.log("Per department:");
  await employees
    .join(departments, "deptId")
    .groupBy("dept")
    .agg(count(lit(1)).alias("people"), avg("salary").alias("avg_salary"), max("hired").alias("latest_hire"))
    .orderBy("dept")
    .show();

  const total = await spark.range(1, 1001).filter(col("id").mod(7).eq(0)).count();
  console.log(`Multiples of 7 up to 1000: ${total}`);

  // The main job: a million generated orders joined to departments, aggregated and sorted. explain() prints its
  // plans; on the embedded engine it ends with the stage graph the scheduler will run.
  const orders = spark
    .range(0, 1_000_000, 1, 8)
    .select(
      col("id").alias("orderId"),
      col("id").mod(3).plus(1).multiply(10).cast("int").alias("deptId"),
      col("id").mod(97).alias("amount"),
    );
  const revenue = orders
    .join(departments, "deptId")
    .groupBy("dept")
    .agg(count("orderId").alias("orders"), sum("amount").alias("revenue"))
    .orderBy("dept");
  console.log("The main job's plan:");
  await revenue.explain();
  // Progress is reported every quarter second (Spark's default is 2 s), so even this short job reports.
  await spark.conf.set("spark.connect.progress.reportInterval", "250ms");
  jobStages.reset();
  await revenue.show();
  // show() reads the first 21 rows through a limit, which can add one more stage to the ones explain() listed.
  console.log(`The stages it ran:\n${jobStages.describe()}`);
} finally {
  await spark.stop();
}
