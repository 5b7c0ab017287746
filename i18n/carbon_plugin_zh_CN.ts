<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>@default</name>
    <message>
        <location filename="../algorithms/base.py" line="86" />
        <source>Cancelled by the user; no output was written.</source>
        <translation>用户已取消；未写出任何结果。</translation>
    </message>
    <message>
        <location filename="../algorithms/params.py" line="13" />
        <source>The raster '{name}' given for {param} is not a GDAL file ({provider}); save it as a GeoTIFF first.</source>
        <translation>{param} 所给栅格“{name}”不是 GDAL 文件（{provider}）；请先另存为 GeoTIFF。</translation>
    </message>
    <message>
        <location filename="../algorithms/params.py" line="36" />
        <source>{param}: '{text}' is not a list of years; write e.g. 2001, 2002 or 2001-2020.</source>
        <translation>{param}：“{text}”不是年份列表；请写成例如 2001, 2002 或 2001-2020。</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="56" />
        <source>Yearly rasters (one per year)</source>
        <translation>逐年栅格（每年一个）</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="58" />
        <source>Years, one per input in input order (default: from names)</source>
        <translation>年份，按输入顺序每个输入一个（默认：取自文件名）</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="60" />
        <source>Reference grid (default: the raster of the first year)</source>
        <translation>参考格网（默认：第一年的栅格）</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="62" />
        <source>Resampling onto the reference grid</source>
        <translation>重采样到参考格网的方法</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="65" />
        <source>Carbon quantity (metadata)</source>
        <translation>碳量类型（元数据）</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="70" />
        <source>Units (metadata, e.g. t CO2 / cell / yr)</source>
        <translation>单位（元数据，例如 t CO2 / 像元 / 年）</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="74" />
        <source>Time-series raster</source>
        <translation>时间序列栅格</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="75" />
        <source>Years written</source>
        <translation>写出的年份</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="76" />
        <source>Number of bands</source>
        <translation>波段数</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="93" />
        <source>Wrote {n} bands: {first}-{last}.</source>
        <translation>已写出 {n} 个波段：{first}-{last}。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="21" />
        <source>Time series</source>
        <translation>时间序列</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="22" />
        <source>Carbon emissions</source>
        <translation>碳排放</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="23" />
        <source>Carbon sinks</source>
        <translation>碳汇</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="24" />
        <source>Carbon budget</source>
        <translation>碳收支</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="25" />
        <source>Balance, trend and risk</source>
        <translation>碳平衡、趋势与风险</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="16" />
        <source>Carbon budget &amp; imbalance risk</source>
        <translation>碳收支与碳失衡风险</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="27" />
        <source>Stack yearly rasters</source>
        <translation>逐年栅格合成时间序列</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="29" />
        <source>time series,stack,years,bands,NPP,nighttime light,MOD17A3</source>
        <translation>时间序列,合成,年份,波段,NPP,夜间灯光,MOD17A3</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="30" />
        <source>Builds a time-series raster (one band per year, band description = the 4-digit year) from one single-band raster per year, e.g. MOD17A3 NPP 2001.tif ... 2020.tif.

Years: taken from each file's band description if it is a year, else from the single 4-digit year (1800-2099) in the file name, unless listed explicitly in Years (one per input, in input order). Bands are sorted by year; a year given twice is an error, missing years are reported in the log.

Grid: every input is aligned onto the reference grid (default: the raster of the first year) with the chosen resampling: bilinear or cubic for continuous fields (NPP, temperature), nearest or mode for classes (land use), sum for per-cell totals (t CO2 per cell) so that mass is kept, average when going to a coarser grid.

Output: a tiled, DEFLATE-compressed Float32 GeoTIFF, NaN as nodata (the inputs' own nodata values become NaN), with CARBON_QUANTITY and CARBON_UNITS metadata when given. Every algorithm of this provider that takes a time series accepts it.</source>
        <translation>由逐年单波段栅格（例如 MOD17A3 NPP 2001.tif … 2020.tif）构建时间序列栅格（每年一个波段，波段描述为 4 位年份）。

年份：取自各文件的波段描述（若为年份），否则取自文件名中唯一的 4 位年份（1800-2099），也可在“年份”中按输入顺序逐一给出。波段按年份排序；年份重复视为错误，缺失年份会在日志中报告。

格网：所有输入按所选重采样方法对齐到参考格网（默认：第一年的栅格）：连续场（NPP、气温）用双线性或三次卷积，类别（土地利用）用最邻近或众数，逐像元总量（t CO2/像元）用求和以保持总量守恒，变粗时用平均。

输出：分块、DEFLATE 压缩的 Float32 GeoTIFF，NaN 为无数据值（输入自身的无数据值转为 NaN），给定时写入 CARBON_QUANTITY 与 CARBON_UNITS 元数据。本工具集中所有接受时间序列的算法都接受该输出。</translation>
    </message>
</context>
</TS>